// frequencies, matrix, cooccurrence, query, words: the analysis queries.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "common.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/code_ranges.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"

namespace quire::cli {

namespace {

/// --where, --doc and --by, shared by every analysis command.
struct FilterArgs {
  std::vector<std::string> where, docs;
  std::string coder;
};

void add_filter_options(CLI::App* cmd, FilterArgs& f) {
  cmd->add_option(
      "--where,-w", f.where,
      "Only cases whose attributes match, e.g. 'Years >= 5' or 'Network = \"Network 3\"' "
      "(repeat or join with AND)");
  cmd->add_option("--doc,-d", f.docs, "Only this document (repeat for more)");
  cmd->add_option("--by", f.coder, "Only this coder's codings");
}

AnalysisFilter to_filter(const Project& p, const FilterArgs& a) {
  AnalysisFilter f;
  f.where = a.where;
  for (const auto& d : a.docs) {
    f.documents.push_back(find_document(p, d).id);
  }
  if (!a.coder.empty()) {
    f.coder = a.coder;
  }
  return f;
}

std::string pct(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

double round1(double v) {
  return std::round(v * 10) / 10;
}

nlohmann::json counts_json(const CodeFrequency::Counts& c) {
  return {{"codings", c.codings},
          {"documents", c.documents},
          {"cases", c.cases},
          {"pct_cases", round1(c.pct_cases)},
          {"words", c.words}};
}

nlohmann::json hit_json(const Hit& h) {
  return {{"document", h.document_name},
          {"start", h.start},
          {"end", h.end},
          {"case", h.case_id ? nlohmann::json(h.case_name) : nlohmann::json(nullptr)},
          {"text", h.text}};
}

void print_frequencies(Project& p, const FilterArgs& fa, bool json) {
  auto freq = code_frequencies(p, to_filter(p, fa));
  if (json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& f : freq) {
      j.push_back({{"code", f.code.path},
                   {"level", f.code.level},
                   {"own", counts_json(f.own)},
                   {"with_subcodes", counts_json(f.with_subcodes)}});
    }
    print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : freq) {
    const auto& a = f.with_subcodes;
    rows.push_back({std::string(static_cast<std::size_t>(f.code.level) * 2, ' ') + f.code.path,
                    std::to_string(f.own.codings), std::to_string(a.codings),
                    std::to_string(a.documents), std::to_string(a.cases), pct(a.pct_cases),
                    std::to_string(a.words)});
  }
  print_table({"code", "own codings", "codings", "documents", "cases", "% cases", "words"}, rows);
}

struct MatrixArgs {
  std::vector<std::string> rows = {"codes"};
  std::string cols, cell = "cases", pct = "col"; // cols: empty = the default theme attribute
  bool no_rollup = false;
};

void print_matrix(Project& p, const MatrixArgs& ma, const FilterArgs& fa, bool json) {
  std::string cols = ma.cols;
  if (cols.empty()) {
    // As the Excel theme table: the first text attribute with 2 to 20 values.
    auto attr = default_theme_attribute(p);
    if (attr.empty()) {
      throw InputError("the project has no case attributes to make columns of; give --cols cases, "
                       "documents or codes, or set attributes with 'quire cases set'");
    }
    cols = "attr:" + attr;
  }
  auto spec = parse_matrix_spec(p, ma.rows, cols, ma.cell);
  spec.rollup = !ma.no_rollup;
  spec.filter = to_filter(p, fa);
  auto m = matrix(p, spec);
  if (json) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      nlohmann::json rp = nlohmann::json::array(), cp = nlohmann::json::array();
      for (std::size_t c = 0; c < m.cols.size(); ++c) {
        rp.push_back(round1(m.row_pct(r, c)));
        cp.push_back(round1(m.col_pct(r, c)));
      }
      rows.push_back({{"code", m.rows[r].path},
                      {"counts", m.counts[r]},
                      {"total", m.row_totals[r]},
                      {"row_pct", rp},
                      {"col_pct", cp}});
    }
    print_json({{"cell", ma.cell},
                {"columns", m.cols},
                {"rows", rows},
                {"column_totals", m.col_totals},
                {"column_bases", m.col_bases},
                {"total", m.grand_total}});
    return;
  }
  std::vector<std::string> header = {"code"};
  header.insert(header.end(), m.cols.begin(), m.cols.end());
  header.push_back("total");
  std::vector<std::vector<std::string>> rows;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    std::vector<std::string> row = {m.rows[r].path};
    for (std::size_t c = 0; c < m.cols.size(); ++c) {
      auto n = std::to_string(m.counts[r][c]);
      row.push_back(ma.pct == "none"
                        ? n
                        : n + " (" + pct(ma.pct == "row" ? m.row_pct(r, c) : m.col_pct(r, c)) +
                              ")");
    }
    row.push_back(std::to_string(m.row_totals[r]));
    rows.push_back(row);
  }
  std::vector<std::string> totals = {"total"};
  for (auto t : m.col_totals)
    totals.push_back(std::to_string(t));
  totals.push_back(std::to_string(m.grand_total));
  rows.push_back(totals);
  if (!m.col_bases.empty()) {
    std::vector<std::string> bases = {"cases in column"};
    for (auto b : m.col_bases)
      bases.push_back(std::to_string(b));
    rows.push_back(bases);
  }
  print_table(header, rows);
}

std::vector<Id> code_ids(const Project& p, const std::vector<std::string>& paths) {
  std::vector<Id> out;
  for (const auto& c : paths)
    out.push_back(find_code(p, c).id);
  return out;
}

/// quire words --word W: the word's places, with the text around them.
void print_word_places(const Project& p, const WordFrequencySpec& s, const std::string& word,
                       bool json) {
  std::string stem = word;
  for (const auto& w : word_frequencies(p, [&s] {
         auto all = s;
         all.limit = 0;
         all.stop_words = false;
         return all;
       }())) {
    for (const auto& f : w.forms) {
      if (f == fold_case(word)) {
        stem = w.stem;
      }
    }
  }
  auto hits = word_places(p, s, stem);
  auto context = in_context(p, hits, 40);
  if (json) {
    nlohmann::json j = nlohmann::json::array();
    for (std::size_t i = 0; i < hits.size(); ++i) {
      auto h = hit_json(hits[i]);
      h["before"] = context[i].before;
      h["after"] = context[i].after;
      j.push_back(h);
    }
    print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    rows.push_back({hits[i].document_name,
                    std::to_string(hits[i].start) + ":" + std::to_string(hits[i].end),
                    context[i].before + "[" + context[i].match + "]" + context[i].after});
  }
  print_table({"document", "range", "in context"}, rows);
  std::cout << hits.size() << " place" << (hits.size() == 1 ? "" : "s") << '\n';
}

/// quire stop-words: the project's stop words, shown and edited.
void add_stop_words_command(CLI::App& app) {
  auto add = std::make_shared<std::vector<std::string>>();
  auto remove = std::make_shared<std::vector<std::string>>();
  auto reset = std::make_shared<bool>(false);
  auto* cmd = project_command(
      &app, "stop-words",
      "The words 'quire words' leaves out in this project: list, add, remove, reset",
      [add, remove, reset](Project& p, bool json) {
        if (*reset) {
          set_stop_words(p, {});
        } else if (!add->empty() || !remove->empty()) {
          auto list = stop_words(p);
          list.insert(list.end(), add->begin(), add->end());
          for (const auto& r : *remove) {
            auto folded = fold_case(r);
            list.erase(std::remove(list.begin(), list.end(), folded), list.end());
          }
          set_stop_words(p, list);
        }
        auto list = stop_words(p);
        if (json) {
          print_json({{"own", has_own_stop_words(p)}, {"words", list}});
          return;
        }
        for (const auto& w : list)
          std::cout << w << '\n';
        std::cerr << list.size() << " stop words ("
                  << (has_own_stop_words(p) ? "this project's list" : "the language's list")
                  << ")\n";
      },
      true);
  cmd->add_option("--add", *add, "Add these words to the project's list");
  cmd->add_option("--remove", *remove, "Remove these words from the project's list");
  cmd->add_flag("--reset", *reset, "Go back to the language's list")->excludes("--add", "--remove");
}

} // namespace

void add_analysis_commands(CLI::App& app) {
  {
    auto fa = std::make_shared<FilterArgs>();
    auto* cmd = project_command(
        &app, "frequencies", "Codings, documents, cases and words coded per code",
        [fa](Project& p, bool json) { print_frequencies(p, *fa, json); }, true);
    add_filter_options(cmd, *fa);
  }
  {
    auto fa = std::make_shared<FilterArgs>();
    auto ma = std::make_shared<MatrixArgs>();
    auto* cmd = project_command(
        &app, "matrix", "A theme table: codes × attribute values, cases, documents or codes",
        [fa, ma](Project& p, bool json) { print_matrix(p, *ma, *fa, json); }, true);
    cmd->add_option("--rows", ma->rows,
                    "codes (every code) or a code PATH (it and its subcodes); repeatable")
        ->capture_default_str();
    cmd->add_option("--cols", ma->cols,
                    "attr:NAME, cases, documents or codes (default: the first text attribute "
                    "with 2 to 20 values, as in the Excel theme table)");
    cmd->add_option("--cell", ma->cell, "What a cell counts: cases, codings or words")
        ->check(CLI::IsMember({"cases", "codings", "words"}))
        ->capture_default_str();
    cmd->add_option("--pct", ma->pct, "Percentages shown: col, row or none")
        ->check(CLI::IsMember({"col", "row", "none"}))
        ->capture_default_str();
    cmd->add_flag("--no-rollup", ma->no_rollup, "A row counts only its own code, not its subcodes");
    add_filter_options(cmd, *fa);
  }
  {
    auto fa = std::make_shared<FilterArgs>();
    auto codes = std::make_shared<std::vector<std::string>>();
    auto mode = std::make_shared<std::string>("overlap");
    auto sub = std::make_shared<bool>(false);
    auto show = std::make_shared<bool>(false);
    auto* cmd = project_command(
        &app, "cooccurrence", "Codes × codes: where codings overlap or share a passage",
        [=](Project& p, bool json) {
          CooccurrenceSpec spec;
          spec.codes = code_ids(p, *codes);
          spec.mode = *mode == "passage" ? CooccurrenceMode::Passage : CooccurrenceMode::Overlap;
          spec.with_subcodes = *sub;
          spec.with_hits = json || *show;
          spec.filter = to_filter(p, *fa);
          auto co = cooccurrence(p, spec);
          if (json) {
            nlohmann::json cells = nlohmann::json::array();
            for (std::size_t i = 0; i < co.codes.size(); ++i) {
              for (std::size_t j = i + 1; j < co.codes.size(); ++j) {
                if (!co.counts[i][j])
                  continue;
                nlohmann::json hs = nlohmann::json::array();
                for (const auto& h : co.hits[i][j])
                  hs.push_back(hit_json(h));
                cells.push_back({{"a", co.codes[i].path},
                                 {"b", co.codes[j].path},
                                 {"count", co.counts[i][j]},
                                 {"passages", hs}});
              }
            }
            std::vector<std::string> names;
            for (const auto& c : co.codes)
              names.push_back(c.path);
            print_json(
                {{"mode", *mode}, {"codes", names}, {"counts", co.counts}, {"cells", cells}});
            return;
          }
          std::vector<std::string> header = {"code"};
          for (std::size_t i = 0; i < co.codes.size(); ++i)
            header.push_back(std::to_string(i + 1));
          std::vector<std::vector<std::string>> rows;
          for (std::size_t i = 0; i < co.codes.size(); ++i) {
            std::vector<std::string> row = {std::to_string(i + 1) + " " + co.codes[i].path};
            for (auto n : co.counts[i])
              row.push_back(std::to_string(n));
            rows.push_back(row);
          }
          print_table(header, rows);
          if (*show) {
            for (std::size_t i = 0; i < co.codes.size(); ++i)
              for (std::size_t j = i + 1; j < co.codes.size(); ++j)
                for (const auto& h : co.hits[i][j])
                  std::cout << co.codes[i].path << " + " << co.codes[j].path << "  "
                            << h.document_name << ' ' << h.start << ':' << h.end << "  "
                            << preview(h.text) << '\n';
          }
        },
        true);
    cmd->add_option("--codes,-c", *codes, "Only these codes (default: every code)");
    cmd->add_option("--mode", *mode, "overlap (codings overlap) or passage (both in one passage)")
        ->check(CLI::IsMember({"overlap", "passage"}))
        ->capture_default_str();
    cmd->add_flag("--subcodes", *sub, "A code stands for itself and its subcodes");
    cmd->add_flag("--show-passages", *show, "List the passages behind each cell");
    add_filter_options(cmd, *fa);
  }
  {
    auto fa = std::make_shared<FilterArgs>();
    auto q = std::make_shared<std::string>();
    auto code_as = std::make_shared<std::string>();
    auto* cmd = project_command(
        &app, "query", "Find where codes combine: A AND B, A OR B, A NOT B, A WITHIN B, A NEAR/n B",
        [fa, q, code_as](Project& p, bool json) {
          auto hits = coding_query(p, *q, to_filter(p, *fa));
          if (!code_as->empty()) {
            std::vector<DocumentRange> ranges;
            for (const auto& h : hits)
              ranges.push_back({h.document_id, h.start, h.end});
            auto r = code_ranges(p, ranges, *code_as, "'" + *q + "'", true);
            if (json) {
              print_json({{"coded", r.ranges}, {"code", *code_as}, {"code_id", r.code_id}});
            } else {
              std::cout << "Coded " << r.ranges << " result(s) of '" << *q << "' as " << *code_as
                        << " (new code)\n";
            }
            return;
          }
          if (json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& h : hits)
              j.push_back(hit_json(h));
            print_json(j);
            return;
          }
          std::vector<std::vector<std::string>> rows;
          for (const auto& h : hits)
            rows.push_back({h.document_name, std::to_string(h.start) + ":" + std::to_string(h.end),
                            h.case_name, preview(h.text)});
          print_table({"document", "range", "case", "text"}, rows);
          std::cout << hits.size() << " result" << (hits.size() == 1 ? "" : "s") << '\n';
        },
        true);
    cmd->add_option("query", *q, "The query, e.g. '\"Purpose/Sceptical\" AND Time'")->required();
    cmd->add_option("--code-as", *code_as,
                    "Code every result with this new code (one undoable action)");
    add_filter_options(cmd, *fa);
  }
  {
    auto fa = std::make_shared<FilterArgs>();
    auto spec = std::make_shared<WordFrequencySpec>();
    auto code = std::make_shared<std::string>();
    auto q = std::make_shared<std::string>();
    auto all = std::make_shared<bool>(false);
    auto no_stem = std::make_shared<bool>(false);
    auto word = std::make_shared<std::string>();
    spec->limit = 30;
    auto* cmd = project_command(
        &app, "words", "The most frequent words of the project, a code or a query",
        [=](Project& p, bool json) {
          auto s = *spec;
          if (!code->empty())
            s.code = find_code(p, *code).id;
          if (!q->empty())
            s.query = *q;
          s.stop_words = !*all;
          s.group_by_stem = !*no_stem;
          s.filter = to_filter(p, *fa);
          if (!word->empty()) {
            print_word_places(p, s, *word, json);
            return;
          }
          auto words = word_frequencies(p, s);
          if (json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& w : words)
              j.push_back(
                  {{"word", w.word}, {"stem", w.stem}, {"count", w.count}, {"forms", w.forms}});
            print_json(j);
            return;
          }
          std::vector<std::vector<std::string>> rows;
          for (const auto& w : words) {
            std::string forms;
            for (const auto& f : w.forms)
              forms += (forms.empty() ? "" : ", ") + f;
            rows.push_back({w.word, std::to_string(w.count), forms});
          }
          print_table({"word", "count", "forms"}, rows);
        },
        true);
    cmd->add_option("--code,-c", *code, "Only text coded with this code (and its subcodes)");
    cmd->add_option("--query,-q", *q, "Only text a coding query finds")->excludes("--code");
    cmd->add_option("--lang", spec->language,
                    "Language of stop words and stems (default: the project's, else en)");
    cmd->add_flag("--all-words", *all, "Keep stop words");
    cmd->add_flag("--no-stem", *no_stem, "Count each form on its own, not grouped by stem");
    cmd->add_option("--limit,-n", spec->limit, "How many words (0: all)")->capture_default_str();
    cmd->add_option("--word", *word,
                    "List the places of this word (with its other forms) in context, not counts");
    add_filter_options(cmd, *fa);
  }
  add_stop_words_command(app);
}

} // namespace quire::cli
