"""A staff survey of our own writing for the survey journeys: 20 respondents,
an ID, attributes (role, region, school size, years, phase, contract) and two
open-ended questions: the importer takes the first for open-ended answers
(long, varied) and the second, with few distinct answers, for an attribute
until the user says otherwise. Some answers hold the phrase "lose my job" in one of
their sentences, beside sentences with the same words apart."""
import csv

ROLES = ["Teacher", "Head teacher", "Assistant", "Coordinator"]
REGIONS = ["Wales", "Scotland", "North East", "London", "South West"]
PHASES = ["Primary", "Secondary"]

WHY = [
    "I wanted to meet other teachers. The network felt like a safe place to ask questions.",
    "My head sent me. I stayed because the meetings were useful and short.",
    "I was afraid I would lose my job after the inspection. My colleagues here helped me keep it.",
    "Fresh ideas for my class. And some company after a long day.",
    "The local authority asked our school to join. My job is easier with the shared plans.",
]
MORE = [
    "We visit each other's classrooms now.",
    "I would recommend it to a new teacher.",
    "The termly conference is the best part.",
    "It took a while to feel at home there.",
]
WAY = [
    "Time, mostly. Meetings after school are hard with a family.",
    "Funding for cover. I did not lose any pay but my class did lose a teacher for the day.",
    "Nothing really. The travel was long in winter.",
    "I worried I might lose my job if I spoke openly. That fear has gone now.",
    "The timetable. My job leaves no free afternoons.",
]


def rows(n=20):
    out = []
    for i in range(1, n + 1):
        out.append({
            "ID": "S%02d" % i,
            "Role": ROLES[i % 4],
            "Region": REGIONS[i % 5],
            "School size": str(120 + (i * 37) % 900),
            "Years": str(1 + (i * 7) % 23),
            "Phase": PHASES[i % 2],
            "Contract": "Full time" if i % 3 else "Part time",
            "Why did you join?": WHY[i % 5] + " " + MORE[i % 4],
            "What got in the way?": "" if i % 7 == 3 else WAY[(i * 2) % 5],
        })
    return out


def write_survey(path, n=20):
    data = rows(n)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(data[0].keys()))
        w.writeheader()
        w.writerows(data)
    return data
