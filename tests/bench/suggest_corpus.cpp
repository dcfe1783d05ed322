// The generated labelled corpus for code suggestions (see suggest_corpus.h).
#include "suggest_corpus.h"

#include <cctype>
#include <random>

namespace quire::bench {

namespace {

struct CodeText {
  std::string path;
  /// Sentences; "{a}" and "{b}" take one of a and b. The last two are the
  /// held-out phrasings (only respondents from test_from write them).
  std::vector<std::string> sentences;
  std::vector<std::string> a, b;
};

// Our own writing. Words are shared across codes on purpose.
const std::vector<CodeText>& code_texts() {
  static const std::vector<CodeText> t = {
      {"Workload/Time pressure",
       {"There is simply not enough time in the {a} to do everything.",
        "I work late every {a} just to keep up.", "The {b} leaves no time for proper preparation.",
        "My evenings and weekends go on school work since the change.",
        "We are always rushing; the {a} is far too short.",
        "Hours vanish and I still feel behind at the end of the {a}.",
        "I cannot fit the {b} into my contracted hours."},
       {"day", "week", "term", "evening"},
       {"timetable", "new schedule", "extra load", "reform"}},
      {"Workload/Paperwork",
       {"The amount of {a} we have to fill in is ridiculous.",
        "Every lesson now needs {a} for the inspectors.",
        "I spend more time on {a} than on teaching.",
        "Documentation for the {b} takes hours each week.",
        "Forms, logs and {a} pile up on my desk.",
        "Administrative {a} keeps me away from the classroom.",
        "Box-ticking {a} for the {b} is eating my planning time."},
       {"paperwork", "forms", "reports", "records"},
       {"new curriculum", "audit", "reform", "evaluation"}},
      {"Workload/Marking",
       {"Marking the new {a} takes twice as long.", "I have stacks of {a} to mark every weekend.",
        "The {b} rubrics make marking slow and confusing.",
        "Feedback on every {a} is expected within two days.",
        "Grading {a} against so many criteria is exhausting.",
        "Assessing {a} by the new scheme doubles my marking load.",
        "Correcting {a} late at night has become normal."},
       {"essays", "projects", "portfolios", "assignments"},
       {"new", "detailed", "competency", "official"}},
      {"Support/Leadership support",
       {"Our {a} has been very supportive of the change.",
        "The {a} listens when we raise concerns.", "I feel backed by the {a} when things go wrong.",
        "The {a} gave us protected time to plan together.",
        "Without our {a} we would not have managed.",
        "Management shields us from the worst of the {b}.",
        "Our {a} trusts us to adapt the {b} to our pupils."},
       {"head teacher", "principal", "leadership team", "deputy head"},
       {"pressure", "reform", "inspections", "changes"}},
      {"Support/Colleague collaboration",
       {"Sharing {a} with colleagues has helped a lot.",
        "We plan {a} together in our department now.", "My colleagues and I swap {a} every week.",
        "Team teaching with a colleague made the {b} easier.",
        "The informal chats in the staffroom about {a} are gold.",
        "Co-planning {a} with the team halves the effort.",
        "Peers in my network send me {a} they tried."},
       {"lesson plans", "materials", "ideas", "resources"},
       {"transition", "new units", "first term", "change"}},
      {"Support/Training quality",
       {"The {a} on the new curriculum was excellent.",
        "The {a} we received was too theoretical to be useful.",
        "We need more practical {a} before the {b}.",
        "The trainers in the {a} did not know our reality.",
        "One day of {a} is not enough for such a change.",
        "Professional development {a} left us more confused than before.",
        "The online {a} modules were clear and well paced."},
       {"training", "workshop", "course", "CPD session"},
       {"next phase", "rollout", "second year", "exams"}},
      {"Support/Lack of resources",
       {"We still have no {a} for the new units.", "I buy {a} with my own money.",
        "There are not enough {a} for every class.",
        "The school budget does not cover the {a} we need.",
        "We were promised {a} that never arrived.",
        "Shortages of {a} make the new topics hard to teach.",
        "Without funding for {a} the plan stays on paper."},
       {"textbooks", "materials", "equipment", "books"},
       {"science", "art", "lab", "library"}},
      {"Students/Engagement",
       {"The {a} are more engaged with the project work.",
        "My {a} ask more questions since the change.", "{A} seem motivated by the new topics.",
        "Some {a} switch off when the tasks are too open.",
        "Participation of {a} in discussions has grown.",
        "Curiosity among the {a} is the best thing about it.",
        "The {a} enjoy working on real problems."},
       {"pupils", "students", "children", "learners"},
       {"", "", "", ""}},
      {"Students/Wellbeing",
       {"Several {a} are anxious about the changes.", "I worry about the mental health of my {a}.",
        "{A} come to me upset and tired.", "The {a} need more pastoral care than before.",
        "Stress among the {a} shows in their behaviour.",
        "Emotional wellbeing of {a} gets no room in the timetable.",
        "Many {a} say they feel overwhelmed and sleep badly."},
       {"pupils", "students", "children", "teenagers"},
       {"", "", "", ""}},
      {"Students/Assessment stress",
       {"The new {a} frighten the {b}.", "{B} are stressed about the {a}.",
        "Constant {a} put the {b} under pressure.",
        "Parents and {b} worry about how the {a} will be graded.",
        "The {b} cram for {a} instead of learning.", "High-stakes {a} make the {b} nervous wrecks.",
        "Fear of failing the {a} dominates the {b}'s year."},
       {"exams", "tests", "assessments", "national tests"},
       {"pupils", "students", "children", "learners"}},
      {"Students/Inclusion",
       {"{A} are left behind by the pace.", "The curriculum does not fit {a}.",
        "I have no support for my {a}.", "Differentiation for {a} is hardly possible now.",
        "{A} struggle most with the new reading load.",
        "Inclusion of {a} was forgotten in the design.",
        "Adapting tasks for {a} falls entirely on me."},
       {"pupils with special needs", "students with dyslexia", "newcomers to the language",
        "children with disabilities"},
       {"", "", "", ""}},
      {"Curriculum/Clarity of goals",
       {"It is not clear what the {a} actually are.",
        "The {a} are vague and open to interpretation.", "Nobody could explain the {a} to us.",
        "Once I understood the {a}, planning became easier.",
        "The documents describe the {a} in jargon.", "Clearer {a} would save us endless guessing.",
        "Different advisers read the {a} differently."},
       {"learning goals", "objectives", "competences", "outcomes"},
       {"", "", "", ""}},
      {"Curriculum/Pace of change",
       {"Everything changed too fast, in one {a}.",
        "We had no time to adjust before the next {b} came.",
        "The rollout was rushed by the ministry.", "Changes keep coming every {a}.",
        "A slower introduction over several {a}s would have helped.",
        "The speed of the {b} left everybody breathless.",
        "Reform after reform arrives before the last one settles."},
       {"year", "term", "summer", "semester"},
       {"change", "reform", "update", "revision"}},
      {"Curriculum/Content relevance",
       {"The new content is more relevant to {a}.", "Topics like {b} finally connect to real life.",
        "Some units feel irrelevant to {a}.", "Teaching {b} makes sense for {a} today.",
        "The old syllabus was outdated; this one is closer to {a}.",
        "Real-world themes such as {b} speak to {a}.",
        "Parts of the content are disconnected from {a}."},
       {"students' lives", "the world of work", "our community", "young people"},
       {"climate", "media literacy", "personal finance", "citizenship"}},
      {"Feelings/Enthusiasm",
       {"I am really {a} about the new approach.", "Honestly, it has made teaching {b} again.",
        "I feel {a} and energised by the change.", "This reform reminded me why I love {b}.",
        "I am {a} to see where it goes.", "Excitement in our team about the new units is high.",
        "It feels like a fresh start and I welcome it."},
       {"excited", "enthusiastic", "positive", "hopeful"},
       {"fun", "exciting", "teaching", "the job"}},
      {"Feelings/Scepticism",
       {"I am {a} that this reform will last.", "We have seen such {b} come and go.",
        "I doubt the {b} will improve anything.", "It looks like another {b} driven by politics.",
        "I remain {a} about the promised benefits.",
        "Frankly I distrust the claims made for this {b}.",
        "Past experience makes me wary of any new {b}."},
       {"sceptical", "doubtful", "not convinced", "unsure"},
       {"initiatives", "reform", "fashions", "programme"}},
      {"Feelings/Burnout",
       {"I am {a} and thinking of leaving the profession.",
        "Many colleagues are {a} and on sick leave.", "I feel {a} most days.",
        "I do not know how long I can keep going like this.",
        "Being {a} has become my normal state.",
        "Several friends quit teaching because they were {a}.",
        "The job drains me; I am running on empty."},
       {"exhausted", "burnt out", "worn out", "drained"},
       {"", "", "", ""}},
      {"Communication/Parents",
       {"{A} do not understand the new reports.", "I spend time explaining the changes to {a}.",
        "{A} complain that homework has changed.", "Meetings with {a} are tense since the reform.",
        "Some {a} are very supportive of the projects.",
        "Evenings with {a} turn into debates about grades.",
        "Emails from {a} about the new system never stop."},
       {"parents", "families", "carers", "guardians"},
       {"", "", "", ""}},
      {"Communication/Information from ministry",
       {"Information from the {a} arrives late.", "The {a} keeps changing its guidance.",
        "We learn about changes from the news before the {a} tells us.",
        "Official {b} from the {a} contradict each other.",
        "The {a}'s website is the only place to find {b}.",
        "Circulars from the {a} are long and unclear.",
        "Announcements from the {a} come without any {b}."},
       {"ministry", "education department", "authority", "government"},
       {"guidance", "letters", "documents", "updates"}},
      {"Technology/Digital tools",
       {"The new {a} is hard to use.", "We are expected to use {a} without training.",
        "The {a} crashes during lessons.", "I like the {a} for sharing work with pupils.",
        "The school wifi cannot cope with the {a}.",
        "Logging everything in the {a} wastes minutes every lesson.",
        "Tablets and the {a} changed how I set homework."},
       {"online platform", "learning app", "digital portal", "software"},
       {"", "", "", ""}},
  };
  return t;
}

const std::vector<std::string> fillers = {
    "I have been teaching for many years.", "I teach in a small rural school.",
    "Not sure what else to add.",           "That is all I can think of at the moment.",
    "It depends on the class and the day.", "Hard to say in a few words.",
    "I teach mathematics and science.",     "Overall it is a mixed picture.",
    "Thank you for asking teachers.",       "Some things are better, some worse.",
};

std::string fill(std::string s, const CodeText& c, std::mt19937& rng) {
  for (const char* slot : {"{a}", "{A}", "{b}", "{B}"}) {
    const auto& pool = (slot[1] == 'a' || slot[1] == 'A') ? c.a : c.b;
    for (std::size_t at; (at = s.find(slot)) != std::string::npos;) {
      std::string w = pool.empty() ? std::string() : pool[rng() % pool.size()];
      if (slot[1] == 'A' || slot[1] == 'B') {
        if (!w.empty()) {
          w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        }
      }
      s.replace(at, 3, w);
    }
  }
  // Slots filled with nothing leave doubled spaces.
  for (std::size_t at; (at = s.find("  ")) != std::string::npos;) {
    s.erase(at, 1);
  }
  return s;
}

const char* const questions[] = {"What has changed in your work", "What helps or hinders you",
                                 "Anything else"};

} // namespace

const std::vector<std::string>& suggest_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const auto& c : code_texts()) {
      out.push_back(c.path);
    }
    return out;
  }();
  return codes;
}

SuggestCorpus make_suggest_corpus(std::size_t respondents, std::size_t test_from,
                                  std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto& texts = code_texts();
  // Codes are not equally common: weights fall from 10 to about 2.
  std::vector<double> weights;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    weights.push_back(10.0 / (1.0 + 0.2 * static_cast<double>(k)));
  }
  std::discrete_distribution<std::size_t> pick_code(weights.begin(), weights.end());
  SuggestCorpus c;
  c.respondents = respondents;
  for (std::size_t r = 0; r < respondents; ++r) {
    const bool held_out = r >= test_from;
    for (int q = 0; q < 3; ++q) {
      LabelledAnswer a;
      a.respondent = r;
      a.question = q;
      const int sentences = 1 + static_cast<int>(rng() % 3);
      for (int s = 0; s < sentences; ++s) {
        std::string sentence;
        if (rng() % 100 < 18) {
          sentence = fillers[rng() % fillers.size()];
        } else {
          auto k = pick_code(rng);
          const auto& ct = texts[k];
          // Held-out respondents write a held-out phrasing one time in three.
          std::size_t n = ct.sentences.size() - 2;
          std::size_t i = (held_out && rng() % 3 == 0) ? n + rng() % 2 : rng() % n;
          sentence = fill(ct.sentences[i], ct, rng);
          a.codes.insert(k);
        }
        a.text += (a.text.empty() ? "" : " ") + sentence;
      }
      c.answers.push_back(std::move(a));
    }
  }
  return c;
}

ImportData suggest_import(const SuggestCorpus& c, std::size_t coded_below) {
  ImportData data;
  data.kind = "bench";
  data.source_file = "curriculum-survey (generated)";
  const auto& codes = suggest_codes();
  ImportedDocument doc;
  TextBuilder text;
  auto flush = [&] {
    if (!doc.name.empty()) {
      doc.text = text.take();
      data.documents.push_back(std::move(doc));
    }
    doc = {};
    text = {};
  };
  std::size_t current = static_cast<std::size_t>(-1);
  for (const auto& a : c.answers) {
    if (a.respondent != current) {
      flush();
      current = a.respondent;
      doc.name = "teacher-" + std::to_string(a.respondent + 1);
      doc.kind = DocumentKind::Survey;
      doc.folder = "Curriculum survey";
    }
    text.paragraph_break();
    auto [s, e] = text.append(a.text);
    ImportedPassage ps;
    ps.start = s;
    ps.end = e;
    ps.question = questions[a.question];
    doc.passages.push_back(ps);
    doc.codings.push_back({std::string("Questions/") + questions[a.question], s, e});
    if (a.respondent < coded_below) {
      for (auto k : a.codes) {
        doc.codings.push_back({codes[k], s, e});
      }
    }
  }
  flush();
  data.rows = static_cast<std::int64_t>(c.respondents);
  return data;
}

std::string suggest_long_text(std::size_t chars, std::uint32_t seed) {
  auto c = make_suggest_corpus(chars / 200 + 10, 0, seed);
  std::string out;
  for (const auto& a : c.answers) {
    if (out.size() >= chars) {
      break;
    }
    out += (out.empty() ? "" : "\n\n") + a.text;
  }
  return out;
}

} // namespace quire::bench
