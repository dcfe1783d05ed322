// code, uncode, codings.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

namespace quire::cli {

namespace {

struct Target {
  std::string doc, range, match, code;
  int occurrence = 1;
  Id passage = 0;
};

void add_target_options(CLI::App* cmd, Target& t) {
  cmd->add_option("--doc,-d", t.doc, "Document name (or unique prefix)");
  auto* r = cmd->add_option("--range,-r", t.range,
                            "START:END in characters (code points) of the document");
  auto* m =
      cmd->add_option("--match,-m", t.match, "Text to find in the document; its range is used")
          ->excludes(r);
  cmd->add_option("--occurrence", t.occurrence, "With --match: which occurrence (1 = first)")
      ->needs(m);
  cmd->add_option("--passage", t.passage, "A passage id (see 'docs show --json'); its whole range")
      ->excludes(r)
      ->excludes(m);
  cmd->add_option("--code,-c", t.code, "Code path")->required();
}

struct Resolved {
  Id doc;
  std::int64_t start, end;
};

Resolved resolve(Project& p, const Target& t) {
  if (t.passage) {
    auto ps = get_passage(p, t.passage);
    return {ps.document_id, ps.start, ps.end};
  }
  if (t.doc.empty()) {
    throw InputError("say which document with --doc");
  }
  auto d = find_document(p, t.doc);
  if (!t.range.empty()) {
    auto [s, e] = parse_range(t.range);
    return {d.id, s, e};
  }
  if (!t.match.empty()) {
    auto [s, e] = find_in_document(p, d.id, t.match, t.occurrence - 1);
    return {d.id, s, e};
  }
  throw InputError("say what to code with --range START:END, --match TEXT or --passage ID");
}

} // namespace

void add_coding_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand("code", "Code a range of a document with a code");
    auto a = std::make_shared<ProjectArgs>();
    auto t = std::make_shared<Target>();
    auto memo = std::make_shared<std::string>();
    auto create = std::make_shared<bool>(false);
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    add_target_options(cmd, *t);
    cmd->add_option("--memo", *memo, "A memo on the coding");
    cmd->add_flag("--create", *create, "Create the code if it does not exist");
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, t, memo, create, json] {
      auto& p = open_project(*a);
      auto where = resolve(p, *t);
      // --create: the new code and the coding are one action (one undo step).
      auto r = *create ? code_range_creating(p, where.doc, where.start, where.end, t->code, *memo)
                       : code_range(p, where.doc, where.start, where.end, find_code(p, t->code).id,
                                    *memo);
      Id code = get_coding(p, r.coding_id).code_id;
      if (*json) {
        print_json(
            {{"coding_id", r.coding_id}, {"start", r.start}, {"end", r.end}, {"merged", r.merged}});
        return;
      }
      std::cout << "Coded " << where.start << ':' << where.end << " as " << get_code(p, code).path
                << " (coding " << r.coding_id << ", " << r.start << ':' << r.end;
      if (r.merged)
        std::cout << ", merged with " << r.merged << " touching coding(s)";
      std::cout << ")\n";
    });
  }
  {
    auto* cmd = app.add_subcommand("uncode",
                                   "Remove a code from a range (trims, splits or deletes codings)");
    auto a = std::make_shared<ProjectArgs>();
    auto t = std::make_shared<Target>();
    auto all = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    add_target_options(cmd, *t);
    cmd->add_flag("--all-coders", *all, "Remove every coder's codings there, not only yours");
    cmd->callback([a, t, all] {
      auto& p = open_project(*a);
      auto where = resolve(p, *t);
      auto code = find_code(p, t->code);
      int n = uncode_range(p, where.doc, where.start, where.end, code.id, *all);
      std::cout << "Uncoded " << where.start << ':' << where.end << " from " << code.path << " ("
                << n << " coding(s) changed)\n";
    });
  }
  {
    auto* cmd =
        app.add_subcommand("codings", "Retrieve coded segments, with their text and context");
    auto a = std::make_shared<ProjectArgs>();
    auto code = std::make_shared<std::string>();
    auto doc = std::make_shared<std::string>();
    auto coder = std::make_shared<std::string>();
    auto case_ = std::make_shared<std::string>();
    auto no_sub = std::make_shared<bool>(false);
    auto json = std::make_shared<bool>(false);
    auto ctx = std::make_shared<int>(40);
    auto all_coders = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("--code,-c", *code, "Only this code (and its subcodes)");
    cmd->add_flag("--no-subcodes", *no_sub, "With --code: not its subcodes");
    cmd->add_option("--doc,-d", *doc, "Only this document");
    auto* by = cmd->add_option("--by", *coder, "Only this coder's codings");
    cmd->add_flag("--all-coders", *all_coders,
                  "Every coder's codings, even those 'quire coders' hides")
        ->excludes(by);
    cmd->add_option("--case", *case_, "Only codings in this case");
    cmd->add_option("--context", *ctx, "Characters of context either side (default 40)");
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, code, doc, coder, case_, no_sub, json, ctx, all_coders] {
      auto& p = open_project(*a);
      CodingFilter f;
      if (!code->empty())
        f.code_id = find_code(p, *code).id;
      f.with_subcodes = !*no_sub;
      if (!doc->empty())
        f.document_id = find_document(p, *doc).id;
      if (!coder->empty())
        f.coder = *coder;
      if (coder->empty() && !*all_coders)
        f.coders = shown_coders(p);
      if (!case_->empty())
        f.case_id = find_case(p, *case_).id;
      f.context_chars = *ctx;
      auto segs = list_codings(p, f);
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& s : segs) {
          j.push_back(
              {{"id", s.coding.id},
               {"guid", s.coding.guid},
               {"code", s.code_path},
               {"code_id", s.coding.code_id},
               {"document", s.document_name},
               {"document_id", s.coding.document_id},
               {"start", s.coding.start},
               {"end", s.coding.end},
               {"text", s.text},
               {"before", s.before},
               {"after", s.after},
               {"coder", s.coding.coder},
               {"created_at", s.coding.created_at},
               {"case", s.case_id ? nlohmann::json(s.case_name) : nlohmann::json(nullptr)},
               {"speaker", s.speaker.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.speaker)},
               {"start_ms", s.start_ms ? nlohmann::json(*s.start_ms) : nlohmann::json(nullptr)},
               {"question",
                s.question.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.question)},
               {"memo", s.memo.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.memo)}});
        }
        print_json(j);
        return;
      }
      for (auto& s : segs) {
        std::cout << s.code_path << "  " << s.document_name << " " << s.coding.start << ':'
                  << s.coding.end;
        if (!s.case_name.empty())
          std::cout << "  case " << s.case_name;
        if (!s.speaker.empty())
          std::cout << "  " << s.speaker;
        if (s.start_ms)
          std::cout << " " << clock_text(*s.start_ms);
        std::cout << "  (" << s.coding.coder << ")\n    " << preview(s.text, 200) << '\n';
        if (!s.memo.empty())
          std::cout << "    memo: " << preview(s.memo, 200) << '\n';
      }
      std::cout << segs.size() << " coding(s)";
      if (!f.coders.empty()) {
        std::cout << " of ";
        for (std::size_t i = 0; i < f.coders.size(); ++i)
          std::cout << (i ? ", " : "") << f.coders[i];
        std::cout << " (other coders hidden: --all-coders, or 'quire coders --show-all')";
      }
      std::cout << '\n';
    });
  }
}

} // namespace quire::cli
