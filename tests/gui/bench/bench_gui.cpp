// bench_gui: how fast the desktop app shows and codes big material.
//   bench_gui [--full] [--keep DIR]
// Default sizes are small (seconds); --full uses the issue's: a 1,000,000-
// character transcript with 10,000 codings, a codebook of 1,000 codes, a
// survey of 10,000 respondents. Needs an X display (re-runs itself under
// xvfb-run when there is none). --keep DIR leaves the projects there.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <vector>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/memconf.h>

#include "codebook_pane.h"
#include "coded_text.h"
#include "document_view.h"
#include "figures.h"
#include "fonts.h"
#include "main_frame.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "survey_data.h"
#include "survey_pane.h"

using namespace quire;
using quire::bench::figure;
using quire::bench::now_s;

namespace {

class BenchApp : public wxApp {
public:
  bool OnInit() override { return true; }
};

void pump() {
  wxTheApp->ProcessPendingEvents();
  while (wxTheApp->Pending()) {
    wxTheApp->Dispatch();
  }
}

/// A transcript of about chars characters: stamped speaker turns.
ImportData make_transcript(std::int64_t chars) {
  const char* speakers[] = {"Interviewer", "Amira", "Ben", "Zoë"};
  const char* words[] = {"network", "time",  "schools", "peer",  "learning", "café",     "funding",
                         "trust",   "ideas", "release", "cover", "head",     "practice", "plans"};
  std::mt19937 rng(7);
  ImportData data;
  data.kind = "transcript";
  data.sha256 = "bench-transcript-" + std::to_string(chars);
  ImportedDocument d;
  d.name = "long-transcript";
  d.kind = DocumentKind::Transcript;
  TextBuilder text;
  std::int64_t ms = 0;
  for (int turn = 0; text.length() < chars; ++turn) {
    text.paragraph_break();
    std::string t;
    int n = 20 + static_cast<int>(rng() % 60);
    for (int w = 0; w < n; ++w) {
      t += words[rng() % 14];
      t += (w % 11 == 10) ? ". " : " ";
    }
    auto [s, e] = text.append(t);
    ImportedPassage ps{s, e, speakers[turn % 4], ms, ms + 9000, {}, {}};
    d.passages.push_back(ps);
    ms += 9000;
  }
  d.text = text.take();
  data.documents.push_back(std::move(d));
  return data;
}

/// Issue 16.9: editing one attribute value of a case in a survey of
/// 100,000 answers (--full; 10,000 by default) with the search index open,
/// to screen. The Cases page is another helper's: this is the core action
/// on the Session's project, as a page calls it, the index following it
/// (only that case's passages), and the survey grid redrawn.
void edit_attribute_figures(gui::MainFrame& frame, const std::filesystem::path& dir, bool full) {
  const int answers = full ? 100'000 : 10'000;
  // store_survey gives 20 answers per 7 respondents.
  const int respondents = answers * 7 / 20;
  auto file = dir / "bench-cases.quire";
  std::filesystem::remove(file);
  {
    auto p = Project::create(file);
    quire::test::store_survey(p, "answers", respondents);
  }
  frame.open_project(file, false, false);
  pump();
  auto& s = frame.session();
  double t0 = now_s();
  s.search_index(&frame);
  figure("build the search index (" + std::to_string(answers) + " answers, setup)",
         (now_s() - t0) * 1000, "ms");
  s.show_survey("answers");
  frame.survey().Update();
  pump();
  std::vector<double> edit;
  const char* roles[] = {"Governor", "Parent"};
  for (int i = 0; i < 10; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", 1 + i * 997 % respondents);
    Id c = find_case(s.project(), id).id;
    double a = now_s();
    set_attribute(s.project(), c, "Role", Value::of_text(roles[i % 2]));
    pump();
    frame.survey().Update();
    edit.push_back((now_s() - a) * 1000);
  }
  figure("edit one attribute value in a " + std::to_string(answers) +
             "-answer survey with the search index open, to screen (median; target 100)",
         bench::percentile(edit, 50), "ms");
  figure("edit one attribute value, to screen (max)", bench::percentile(edit, 100), "ms");
  // What the index found after the last edit: the edited case's passages.
  auto hits = s.search_index(&frame).search("attr:Role=parent").estimated_total;
  std::cout << "  (attr:Role=parent finds " << hits << " passages after the edits)\n";
}

int run(int argc, char** argv) {
  bool full = bench::full_size(argc, argv);
  std::filesystem::path keep;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--keep") {
      keep = argv[i + 1];
    }
  }
  const std::int64_t chars = full ? 1'000'000 : 100'000;
  const int codings = full ? 10'000 : 1'000;
  const int codes = full ? 1'000 : 100;
  const int respondents = full ? 10'000 : 1'000;
  auto dir = keep.empty() ? std::filesystem::temp_directory_path() /
                                ("quire-bench-gui-" + std::to_string(getpid()))
                          : keep;
  std::filesystem::create_directories(dir);
  auto file = dir / "bench-gui.quire";
  std::filesystem::remove(file);

  std::cout << "sizes: " << chars << " characters, " << codings << " codings, " << codes
            << " codes, " << respondents << " respondents\n";
  {
    auto p = Project::create(file);
    auto data = make_transcript(chars);
    Id doc = store_import(p, data).documents.at(0);
    std::vector<Id> ids;
    for (int c = 0; c < codes; ++c) {
      ids.push_back(add_code(p, "Theme " + std::to_string(c / 20) + "/Code " + std::to_string(c)));
    }
    auto len = get_document(p, doc).length;
    std::mt19937 rng(11);
    double t0 = now_s();
    for (int i = 0; i < codings; ++i) {
      auto start = static_cast<std::int64_t>(rng() % static_cast<unsigned>(len - 200));
      code_range(p, doc, start, start + 20 + rng() % 150, ids[rng() % ids.size()]);
    }
    figure("store codings (core, setup)", (now_s() - t0) * 1000 / codings, "ms/coding");
    quire::test::store_survey(p, "big-survey", respondents);
  }

  auto* frame = new gui::MainFrame(wxSize(1280, 800));
  frame->Show();
  pump();
  double t0 = now_s();
  frame->open_project(file, false, false);
  frame->Update();
  pump();
  figure("open project (codebook of " + std::to_string(codes) + " codes, sources, survey grid)",
         (now_s() - t0) * 1000, "ms");
  t0 = now_s();
  frame->codebook().rebuild();
  frame->codebook().Update();
  figure("codebook rebuild", (now_s() - t0) * 1000, "ms");

  auto& s = frame->session();
  Id doc = find_document(s.project(), "long-transcript").id;
  t0 = now_s();
  s.show_document(doc);
  frame->document_view().Update();
  figure("show the transcript (" + std::to_string(chars) + " chars, " + std::to_string(codings) +
             " codings)",
         (now_s() - t0) * 1000, "ms");

  auto& text = frame->document_view().text();
  std::vector<double> apply;
  Id code = find_code(s.project(), "Theme 0/Code 1").id;
  s.select_code(code);
  for (int i = 0; i < 20; ++i) {
    auto at = 1000 + i * 4000;
    text.SetSelection(text.pos_of(at), text.pos_of(at + 40));
    double a = now_s();
    frame->commands().invoke("code/with-selected");
    frame->document_view().Update();
    apply.push_back((now_s() - a) * 1000);
  }
  {
    // With the search index open, which follows every action (built first).
    s.search_index(frame);
    std::vector<double> with_index;
    for (int i = 0; i < 10; ++i) {
      auto at = 2000 + i * 4000;
      text.SetSelection(text.pos_of(at), text.pos_of(at + 40));
      double a = now_s();
      frame->commands().invoke("code/with-selected");
      frame->document_view().Update();
      with_index.push_back((now_s() - a) * 1000);
    }
    figure("apply a code with the search index open, to screen (median)",
           bench::percentile(with_index, 50), "ms");
  }
  {
    // The core's share: the same action on a second connection, no window listening.
    auto other = Project::open(file);
    std::vector<double> core_only;
    for (int i = 0; i < 20; ++i) {
      auto at = 3000 + i * 4000;
      double a = now_s();
      code_range(other, doc, at, at + 40, code);
      core_only.push_back((now_s() - a) * 1000);
    }
    figure("apply a code, core action alone (median)", bench::percentile(core_only, 50), "ms");
  }
  figure("apply a code, to screen (median)", bench::percentile(apply, 50), "ms");
  figure("apply a code, to screen (p95)", bench::percentile(apply, 95), "ms");

  std::vector<double> scroll;
  text.SetFirstVisibleLine(0);
  for (int i = 0; i < 100; ++i) {
    double a = now_s();
    text.ScrollLines(30);
    text.Update();
    frame->document_view().Update();
    scroll.push_back((now_s() - a) * 1000);
  }
  figure("scroll 30 lines, to screen (median)", bench::percentile(scroll, 50), "ms");
  figure("scroll 30 lines, to screen (max)", bench::percentile(scroll, 100), "ms");

  t0 = now_s();
  s.show_survey("big-survey");
  frame->survey().Update();
  pump();
  figure("show the survey grid (" + std::to_string(respondents) + " respondents)",
         (now_s() - t0) * 1000, "ms");
  std::vector<double> grid_scroll;
  for (int i = 0; i < 50; ++i) {
    double a = now_s();
    frame->survey().grid().Scroll(0, i * 40);
    frame->survey().grid().Update();
    grid_scroll.push_back((now_s() - a) * 1000);
  }
  figure("scroll the survey grid, to screen (max)", bench::percentile(grid_scroll, 100), "ms");
  t0 = now_s();
  frame->survey().sort_by(2);
  frame->survey().grid().Update();
  figure("sort the survey grid by an attribute", (now_s() - t0) * 1000, "ms");
  figure("peak memory", bench::peak_rss_mb(), "MB");
  // After the peak memory figure: it is of the transcript and survey above.
  edit_attribute_figures(*frame, dir, full);

  frame->Destroy();
  pump();
  if (keep.empty()) {
    std::filesystem::remove_all(dir);
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (!std::getenv("DISPLAY")) {
    std::vector<char*> args = {const_cast<char*>("xvfb-run"), const_cast<char*>("-a"),
                               const_cast<char*>("-s"), const_cast<char*>("-screen 0 1280x800x24")};
    for (int i = 0; i < argc; ++i) {
      args.push_back(argv[i]);
    }
    args.push_back(nullptr);
    execvp("xvfb-run", args.data());
    std::cerr << "bench_gui needs an X display (or xvfb-run)\n";
    return 1;
  }
  wxApp::SetInstance(new BenchApp);
  if (!wxEntryStart(argc, argv)) {
    std::cerr << "bench_gui: cannot start wxWidgets\n";
    return 1;
  }
  wxTheApp->CallOnInit();
  delete wxConfigBase::Set(new wxMemoryConfig);
  gui::disable_ligatures();
  int rc = run(argc, argv);
  wxTheApp->OnExit();
  wxEntryCleanup();
  return rc;
}
