// Several coders: coders (list, show/hide), agreement.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "quire/analysis/agreement.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/suggest/suggest.h"

namespace quire::cli {

namespace {

std::vector<std::string> comma_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string part; std::getline(ss, part, ',');) {
    if (!part.empty()) {
      out.push_back(part);
    }
  }
  return out;
}

nlohmann::json opt_json(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::string fmt(const std::optional<double>& v, bool percent = false) {
  if (!v) {
    return "n/a";
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, percent ? "%.1f%%" : "%.3f", *v);
  return buf;
}

nlohmann::json figures_json(const AgreementFigures& f) {
  return {{"units", f.units},           {"both", f.both},
          {"only_a", f.only_a},         {"only_b", f.only_b},
          {"neither", f.neither},       {"percent", opt_json(f.percent)},
          {"kappa", opt_json(f.kappa)}, {"alpha", opt_json(f.alpha)}};
}

std::vector<std::string> figures_row(const std::string& label, const AgreementFigures& f) {
  return {label,
          std::to_string(f.units),
          std::to_string(f.both),
          std::to_string(f.only_a),
          std::to_string(f.only_b),
          fmt(f.percent, true),
          fmt(f.kappa),
          fmt(f.alpha)};
}

} // namespace

void add_coder_commands(CLI::App& app) {
  {
    auto show = std::make_shared<std::string>();
    auto show_all = std::make_shared<bool>(false);
    auto hide_others = std::make_shared<bool>(false);
    auto* cmd = project_command(
        &app, "coders", "List the coders with what each coded; choose whose codings listings show",
        [show, show_all, hide_others](Project& p, bool json) {
          if (*show_all) {
            set_shown_coders(p, {});
          } else if (*hide_others) {
            set_shown_coders(p, {p.coder()});
          } else if (!show->empty()) {
            set_shown_coders(p, comma_list(*show));
          }
          auto list = coder_summaries(p);
          if (json) {
            auto j = nlohmann::json::array();
            for (const auto& c : list) {
              j.push_back({{"name", c.name},
                           {"guid", c.guid},
                           {"codings", c.codings},
                           {"documents", c.documents},
                           {"codes", c.codes},
                           {"memos", c.memos},
                           {"first_coded", c.first_coded},
                           {"last_coded", c.last_coded},
                           {"current", c.current},
                           {"shown", c.shown}});
            }
            print_json(j);
            return;
          }
          std::vector<std::vector<std::string>> rows;
          for (const auto& c : list) {
            rows.push_back({c.name + (c.current ? " *" : ""), std::to_string(c.codings),
                            std::to_string(c.documents), std::to_string(c.codes),
                            std::to_string(c.memos), c.last_coded, c.shown ? "shown" : "hidden"});
          }
          print_table({"coder", "codings", "documents", "codes", "memos", "last coded", "listings"},
                      rows);
          std::cout << "(* the current coder: " << p.coder() << ")\n";
        },
        true);
    auto* s = cmd->add_option("--show", *show,
                              "Listings show only these coders' codings (comma-separated)");
    auto* a =
        cmd->add_flag("--show-all", *show_all, "Listings show every coder's codings")->excludes(s);
    cmd->add_flag("--hide-others", *hide_others, "Listings show only the current coder's codings")
        ->excludes(s)
        ->excludes(a);
  }
  {
    auto coders = std::make_shared<std::string>();
    auto codes = std::make_shared<std::string>();
    auto docs = std::make_shared<std::string>();
    auto unit = std::make_shared<std::string>("char");
    auto max_shown = std::make_shared<int>(20);
    auto* cmd = project_command(
        &app, "agreement",
        "Agreement between two coders per code and overall: percent, Cohen's kappa, "
        "Krippendorff's alpha; and where they disagree",
        [coders, codes, docs, unit, max_shown](Project& p, bool json) {
          AgreementOptions o;
          auto names = comma_list(*coders);
          if (names.size() != 2) {
            throw InputError("name exactly two coders: --coders A,B (see 'quire coders')");
          }
          o.coder_a = names[0];
          o.coder_b = names[1];
          for (const auto& c : comma_list(*codes))
            o.codes.push_back(find_code(p, c).id);
          for (const auto& d : comma_list(*docs))
            o.documents.push_back(find_document(p, d).id);
          o.unit = agreement_unit_from_string(*unit);
          // "suggestions": how much the code suggestions would agree with a
          // coder (unless a coder of that name exists).
          const auto known = list_coders(p);
          const bool vs_model = (o.coder_a == "suggestions" || o.coder_b == "suggestions") &&
                                std::count(known.begin(), known.end(), "suggestions") == 0;
          auto r = vs_model ? suggestion_agreement(
                                  p, o.coder_a == "suggestions" ? o.coder_b : o.coder_a, o.codes)
                            : compute_agreement(p, o);
          if (json) {
            nlohmann::json j = {{"coders", {r.coder_a, r.coder_b}},
                                {"unit", to_string(r.unit)},
                                {"documents", r.documents},
                                {"overall", figures_json(r.overall)}};
            j["codes"] = nlohmann::json::array();
            for (const auto& c : r.codes) {
              auto f = figures_json(c.figures);
              f["code"] = c.code_path;
              f["code_id"] = c.code_id;
              j["codes"].push_back(f);
            }
            j["disagreements"] = nlohmann::json::array();
            for (const auto& d : r.disagreements) {
              j["disagreements"].push_back({{"document", d.document},
                                            {"document_id", d.document_id},
                                            {"code", d.code_path},
                                            {"start", d.start},
                                            {"end", d.end},
                                            {"coded_by", d.coded_by},
                                            {"text", d.text}});
            }
            print_json(j);
            return;
          }
          std::cout << "Agreement of " << r.coder_a << " (A) and " << r.coder_b << " (B), per "
                    << (r.unit == AgreementUnit::Character ? "character" : to_string(r.unit))
                    << ", over " << r.documents << " document(s)\n\n";
          std::vector<std::vector<std::string>> rows;
          for (const auto& c : r.codes)
            rows.push_back(figures_row(c.code_path, c.figures));
          rows.push_back(figures_row("(overall)", r.overall));
          print_table({"code", "units", "both", "only A", "only B", "agree", "kappa", "alpha"},
                      rows);
          if (!r.disagreements.empty()) {
            std::cout << "\n" << r.disagreements.size() << " disagreement(s)";
            if (static_cast<int>(r.disagreements.size()) > *max_shown)
              std::cout << " (first " << *max_shown << ")";
            std::cout << ":\n";
            int n = 0;
            for (const auto& d : r.disagreements) {
              if (n++ == *max_shown)
                break;
              std::cout << "  " << d.code_path << "  " << d.document << " " << d.start << ':'
                        << d.end << "  only " << d.coded_by << "\n    " << preview(d.text, 120)
                        << '\n';
            }
          }
        },
        true);
    cmd->add_option("--coders", *coders, "The two coders to compare: A,B")->required();
    cmd->add_option("--codes", *codes,
                    "Only these codes (comma-separated paths); default: every code either used");
    cmd->add_option("--docs", *docs,
                    "Only these documents (comma-separated); default: every document either coded");
    cmd->add_option(
        "--unit", *unit,
        "char (every character, as NVivo), sentence, or passage (each passage: paragraph, turn, "
        "answer)");
    cmd->add_option("--show", *max_shown,
                    "How many disagreements to print (default 20; --json has all)");
  }
}

} // namespace quire::cli
