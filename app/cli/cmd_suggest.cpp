// suggest: code suggestions learnt from the project's own codings, and the
// decisions on them (--accept, --reject).
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/suggest/suggest.h"

namespace quire::cli {

namespace {

struct SuggestArgs {
  std::vector<std::string> docs, codes, from;
  std::string unit = "passage";
  double min_score = 0.5;
  std::size_t limit = 0;
  Id accept = 0, reject = 0, show = 0;
};

std::string score_text(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

nlohmann::json to_json(const Suggestion& s) {
  nlohmann::json words = nlohmann::json::array();
  for (const auto& w : s.words) {
    nlohmann::json ranges = nlohmann::json::array();
    for (const auto& [a, b] : w.ranges) {
      ranges.push_back({a, b});
    }
    words.push_back({{"word", w.word}, {"stem", w.stem}, {"weight", w.weight}, {"ranges", ranges}});
  }
  nlohmann::json like = nullptr;
  if (s.like) {
    like = {{"document", s.like->document_name},
            {"document_id", s.like->document_id},
            {"start", s.like->start},
            {"end", s.like->end},
            {"similarity", s.like->similarity}};
  }
  return {{"id", s.id == 0 ? nlohmann::json(nullptr) : nlohmann::json(s.id)},
          {"document", s.document_name},
          {"document_id", s.document_id},
          {"start", s.start},
          {"end", s.end},
          {"code", s.code_path},
          {"code_guid", s.code_guid},
          {"score", s.score},
          {"model_version", s.model_version},
          {"status", s.status},
          {"text", s.text},
          {"reasons", {{"words", words}, {"like", like}}}};
}

void print_one(const Suggestion& s) {
  std::cout << "#" << s.id << "  " << score_text(s.score) << "  " << s.code_path << "  "
            << s.document_name << " " << s.start << ':' << s.end << "\n    " << preview(s.text, 200)
            << "\n    because of: ";
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    std::cout << (i ? ", " : "") << s.words[i].word;
  }
  if (s.words.empty()) {
    std::cout << "(no word of it weighs for the code)";
  }
  std::cout << '\n';
  if (s.like) {
    std::cout << "    like: " << s.like->document_name << ' ' << s.like->start << ':' << s.like->end
              << " (coded " << s.code_path << ", similarity " << score_text(s.like->similarity)
              << ")\n";
  }
}

void run_suggest(Project& p, const SuggestArgs& a, bool json) {
  if (a.accept != 0) {
    auto s = get_suggestion(p, a.accept);
    auto r = accept_suggestion(p, a.accept);
    if (json) {
      print_json({{"id", a.accept},
                  {"status", "accepted"},
                  {"coding_id", r.coding_id},
                  {"start", r.start},
                  {"end", r.end}});
      return;
    }
    std::cout << "Accepted suggestion " << a.accept << ": coded " << s.document_name << ' '
              << s.start << ':' << s.end << " as " << s.code_path << " (coding " << r.coding_id
              << "; 'quire undo' takes it back)\n";
    return;
  }
  if (a.reject != 0) {
    auto s = get_suggestion(p, a.reject);
    reject_suggestion(p, a.reject);
    if (json) {
      print_json({{"id", a.reject}, {"status", "rejected"}});
      return;
    }
    std::cout << "Rejected suggestion " << a.reject << ": " << s.code_path << " for "
              << s.document_name << ' ' << s.start << ':' << s.end
              << " is not suggested again, and the model learns from it\n";
    return;
  }
  if (a.show != 0) {
    auto s = get_suggestion(p, a.show);
    if (json) {
      print_json(to_json(s));
    } else {
      print_one(s);
      std::cout << "    status: " << s.status << '\n';
    }
    return;
  }
  SuggestOptions o;
  for (const auto& d : a.docs) {
    o.documents.push_back(find_document(p, d).id);
  }
  for (const auto& c : a.codes) {
    o.codes.push_back(find_code(p, c).id);
  }
  o.training.coders = a.from;
  if (a.unit == "sentence") {
    o.unit = SuggestUnit::Sentence;
  } else if (a.unit != "passage") {
    throw InputError("--unit is passage or sentence, not '" + a.unit + "'");
  }
  if (a.min_score < 0 || a.min_score > 1) {
    throw InputError("--min-score is between 0 and 1");
  }
  o.min_score = a.min_score;
  o.limit = a.limit;
  // Streamed: each suggestion is printed as it is made, so every suggestion
  // of a 100,000-answer survey needs no more memory than the best few.
  Suggester model(p, o.training);
  if (model.ready()) {
    for (const auto& c : model.codes()) {
      if (c.needed > 0 && c.examples > 0) {
        std::cerr << "quire: note: '" << c.path << "' is not suggested yet: " << c.examples
                  << " coded passage(s), it needs " << c.needed << " more\n";
      }
    }
  }
  std::size_t shown = 0;
  auto r = model.suggest_each(p, o, [&](const Suggestion& s) {
    if (json) {
      // The same text as print_json() of the whole array.
      std::string one = to_json(s).dump(2);
      std::string indented = "  ";
      for (char ch : one) {
        indented += ch;
        if (ch == '\n') {
          indented += "  ";
        }
      }
      std::cout << (shown == 0 ? "[\n" : ",\n") << indented;
    } else {
      print_one(s);
    }
    ++shown;
  });
  if (json) {
    std::cout << (shown == 0 ? "[]\n" : "\n]\n");
    return;
  }
  std::cout << shown << " suggestion(s) by model version " << r.model_version << " (learnt from "
            << r.examples << " passages in " << score_text(r.training_seconds) << " s)";
  if (shown != 0) {
    std::cout << "; accept one with 'quire suggest PROJECT --accept ID', reject with --reject ID";
  }
  std::cout << '\n';
}

} // namespace

void add_suggest_commands(CLI::App& app) {
  auto a = std::make_shared<SuggestArgs>();
  auto* cmd = project_command(
      &app, "suggest",
      "Suggest codes for passages, learnt from the project's own codings (on this machine only)",
      [a](Project& p, bool json) { run_suggest(p, *a, json); }, true);
  cmd->add_option("--doc,-d", a->docs, "Only in this document (repeatable)");
  cmd->add_option("--code,-c", a->codes, "Only this code (repeatable)");
  cmd->add_option("--from", a->from, "Learn only from this coder's codings (repeatable)");
  cmd->add_option("--unit", a->unit, "What is suggested: passage (default) or sentence");
  cmd->add_option("--min-score", a->min_score, "Only suggestions at least this sure, 0-1 (0.5)");
  cmd->add_option("--limit", a->limit, "Only the best N");
  auto* acc = cmd->add_option("--accept", a->accept,
                              "Accept suggestion ID: code it as you (one undoable step)");
  auto* rej = cmd->add_option("--reject", a->reject,
                              "Reject suggestion ID: never suggested again, and learnt from")
                  ->excludes(acc);
  cmd->add_option("--show", a->show, "Show suggestion ID with its reasons and status")
      ->excludes(acc)
      ->excludes(rej);
}

} // namespace quire::cli
