// search, similar, autocode, reindex.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/search/search_index.h"

namespace quire::cli {

namespace {

nlohmann::json hit_json(const SearchHit& h) {
  nlohmann::json hits = nlohmann::json::array();
  for (auto [s, e] : h.hits)
    hits.push_back({{"start", s}, {"end", e}});
  nlohmann::json j = {
      {"passage_id", h.passage_id},
      {"document_id", h.document_id},
      {"document", h.document_name},
      {"start", h.start},
      {"end", h.end},
      {"case", h.case_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.case_name)},
      {"speaker", h.speaker.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.speaker)},
      {"question", h.question.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.question)},
      {"start_ms", h.start_ms ? nlohmann::json(*h.start_ms) : nlohmann::json(nullptr)},
      {"codes", h.codes},
      {"snippet", h.snippet},
      {"hits", hits},
      {"weight", h.weight}};
  if (h.coding_id)
    j["coding_id"] = *h.coding_id;
  return j;
}

void print_hits(const std::vector<SearchHit>& hits) {
  for (const auto& h : hits) {
    std::cout << h.document_name << ' ' << h.start << ':' << h.end;
    if (!h.case_name.empty())
      std::cout << "  case " << h.case_name;
    if (!h.speaker.empty())
      std::cout << "  " << h.speaker;
    if (h.start_ms)
      std::cout << ' ' << clock_text(*h.start_ms);
    if (!h.question.empty())
      std::cout << "  Q: " << preview(h.question, 40);
    std::cout << "  (passage " << h.passage_id << ")\n    " << preview(h.snippet, 240) << '\n';
    if (!h.codes.empty()) {
      std::cout << "    codes:";
      for (auto& c : h.codes)
        std::cout << ' ' << c;
      std::cout << '\n';
    }
  }
}

} // namespace

void add_search_commands(CLI::App& app) {
  auto query = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(20);
  auto offset = std::make_shared<int>(0);
  auto within = std::make_shared<std::string>();
  auto* search = project_command(
      &app, "search",
      "Search passages (words, \"phrases\", AND OR NOT, NEAR, wild*, "
      "code:, doc:, case:, speaker:, question:, coder:, kind:, attr:)",
      [query, limit, offset, within](Project& p, bool json) {
        SearchOptions o;
        o.limit = *limit;
        o.offset = *offset;
        if (!within->empty())
          o.within_code = find_code(p, *within).id;
        auto r = open_index(p).search(*query, o);
        if (json) {
          nlohmann::json j = {{"query", *query},
                              {"estimated_total", r.estimated_total},
                              {"corrected_query", r.corrected_query.empty()
                                                      ? nlohmann::json(nullptr)
                                                      : nlohmann::json(r.corrected_query)}};
          j["hits"] = nlohmann::json::array();
          for (auto& h : r.hits)
            j["hits"].push_back(hit_json(h));
          print_json(j);
          return;
        }
        print_hits(r.hits);
        std::cout << "About " << r.estimated_total << " match(es)";
        if (*offset || static_cast<std::int64_t>(r.hits.size()) < r.estimated_total) {
          std::cout << ", showing " << *offset + 1 << "-"
                    << *offset + static_cast<int>(r.hits.size());
        }
        std::cout << '\n';
        if (!r.corrected_query.empty())
          std::cout << "Did you mean: " << r.corrected_query << '\n';
      },
      true);
  search
      ->add_option(
          "query", *query,
          "The query, e.g. 'time AND code:\"Purpose/Sceptical\" attr:Role=\"Head teacher\"'")
      ->required();
  search->add_option("--limit", *limit, "Results per page (default 20)");
  search->add_option("--offset", *offset, "Skip this many results");
  search->add_option("--within-coded", *within,
                     "Search only the text coded with this code (and subcodes)");

  auto passage = std::make_shared<Id>(0);
  auto coding = std::make_shared<Id>(0);
  auto code = std::make_shared<std::string>();
  auto* similar = project_command(
      &app, "similar",
      "Passages most like a passage, a coding or a code's codings, not yet coded with that code",
      [passage, coding, code, limit](Project& p, bool json) {
        std::vector<Id> seed;
        std::optional<Id> exclude;
        if (*passage)
          seed = {*passage};
        if (*coding) {
          seed = passages_of_coding(p, *coding);
          exclude = get_coding(p, *coding).code_id;
        }
        if (!code->empty()) {
          auto c = find_code(p, *code);
          seed = passages_of_code(p, c.id);
          exclude = c.id;
        }
        if (seed.empty() && !*passage && !*coding && code->empty()) {
          throw InputError("say what to compare with: --passage ID, --coding ID or --code PATH");
        }
        auto hits = open_index(p).similar(seed, exclude, *limit);
        if (json) {
          nlohmann::json j = nlohmann::json::array();
          for (auto& h : hits)
            j.push_back(hit_json(h));
          print_json(j);
          return;
        }
        print_hits(hits);
      },
      true);
  similar->add_option("--passage", *passage, "A passage id");
  similar->add_option("--coding", *coding, "A coding id");
  similar->add_option("--code", *code, "A code path: compare with all its codings");
  similar->add_option("--limit", *limit, "How many (default 20)");

  auto unit = std::make_shared<std::string>("passage");
  auto dry = std::make_shared<bool>(false);
  auto* ac = project_command(
      &app, "autocode", "Code every hit of a search (one undoable action)",
      [query, code, unit, dry](Project& p, bool json) {
        auto c = find_code(p, *code);
        auto u = *unit == "hit"         ? AutocodeUnit::Hit
                 : *unit == "sentence"  ? AutocodeUnit::Sentence
                 : *unit == "paragraph" ? AutocodeUnit::Paragraph
                                        : AutocodeUnit::Passage;
        auto r = autocode(p, open_index(p), *query, c.id, u, *dry);
        if (json) {
          print_json({{"passages", r.passages},
                      {"ranges", r.ranges},
                      {"dry_run", *dry},
                      {"code", c.path}});
          return;
        }
        std::cout << (*dry ? "Would code " : "Coded ") << r.ranges << ' ' << *unit << "(s) in "
                  << r.passages << " passage(s) as " << c.path
                  << (*dry ? " (dry run: nothing changed)" : "") << '\n';
      },
      true);
  ac->add_option("query", *query, "The search")->required();
  ac->add_option("--code", *code, "The code to apply")->required();
  ac->add_option("--unit", *unit,
                 "What to code: hit (the matching words), sentence or paragraph (those that match "
                 "the query by themselves), passage (default)")
      ->check(CLI::IsMember({"hit", "sentence", "paragraph", "passage"}));
  ac->add_flag("--dry-run", *dry, "Only count what would be coded");

  project_command(&app, "reindex", "Rebuild the search index from the project",
                  [](Project& p, bool) {
                    auto& idx = open_index(p);
                    idx.rebuild(stderr_progress());
                    std::cout << "Indexed " << idx.size() << " passage(s)\n";
                  });
}

} // namespace quire::cli
