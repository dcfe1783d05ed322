// import, inspect, docs (list, show, rename, delete).
#include <iostream>
#include <map>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "core/cases.h"
#include "core/codebook.h"
#include "core/coding.h"
#include "core/documents.h"
#include "core/error.h"
#include "core/text.h"
#include "exchange_cli.h"
#include "importers/importer.h"

namespace quire::cli {

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::stringstream ss(item);
    std::string part;
    while (std::getline(ss, part, ',')) {
      if (!part.empty()) {
        out.push_back(part);
      }
    }
  }
  return out;
}

struct ReadArgs {
  ImportSettings settings;
  std::uint64_t max_mb = 512;
  std::vector<std::string> text_cols, attr_cols, skip_cols, missing;
};

void add_read_options(CLI::App* cmd, ReadArgs& r) {
  std::string kinds;
  for (auto* i : importers()) {
    kinds += "\n  " + i->kind() + ": " + i->description();
  }
  cmd->add_option("--as", r.settings.as_kind, "Read the file(s) as this kind:" + kinds);
  cmd->add_option("--max-size", r.max_mb, "Refuse files larger than this many MB (default 512)");
  cmd->add_flag("--join-cues", r.settings.join_cues,
                "Subtitles: join consecutive cues of one speaker into one turn");
  cmd->add_option("--sheet", r.settings.sheet,
                  "Survey (XLSX): the sheet to read (default: the first)");
  cmd->add_option(
      "--id-column", r.settings.id_column,
      "Survey: the column that identifies respondents ('#row': name them by their row)");
  cmd->add_option("--text-columns", r.text_cols,
                  "Survey: open-ended columns (comma-separated headers)");
  cmd->add_option("--attribute-columns", r.attr_cols,
                  "Survey: attribute columns (comma-separated)");
  cmd->add_option("--skip-columns", r.skip_cols, "Survey: columns to ignore (comma-separated)");
  cmd->add_option(
      "--missing", r.missing,
      "Survey: values read as missing (comma-separated; default: empty, NA, N/A, n/a, -, .)");
  cmd->add_flag("--cases-only", r.settings.cases_only,
                "Survey: a cases file; set attributes of cases, import no answers");
}

ImportSettings settings_of(const ReadArgs& r) {
  ImportSettings s = r.settings;
  s.max_bytes = r.max_mb << 20;
  s.text_columns = split_list(r.text_cols);
  s.attribute_columns = split_list(r.attr_cols);
  s.skip_columns = split_list(r.skip_cols);
  if (!r.missing.empty()) {
    s.missing_values = split_list(r.missing);
    s.missing_values.push_back("");
  }
  return s;
}

nlohmann::json inspect_json(const ImportData& d, std::size_t max_passages) {
  nlohmann::json j = {
      {"file", d.source_file}, {"kind", d.kind}, {"sha256", d.sha256}, {"warnings", d.warnings}};
  j["attributes"] = nlohmann::json::array();
  for (auto& a : d.attributes) {
    j["attributes"].push_back({{"name", a.name}, {"type", to_string(a.type)}});
  }
  j["cases"] = d.cases.size();
  if (!d.columns.empty()) {
    j["rows"] = d.rows;
    j["columns"] = nlohmann::json::array();
    for (auto& c : d.columns) {
      nlohmann::json jc = {{"name", c.name},
                           {"role", c.role},
                           {"why", c.why},
                           {"values", c.values},
                           {"distinct", c.distinct}};
      if (c.role == "attribute")
        jc["type"] = to_string(c.type);
      if (!c.question_text.empty())
        jc["question_text"] = c.question_text;
      j["columns"].push_back(jc);
    }
  }
  j["documents"] = nlohmann::json::array();
  for (auto& doc : d.documents) {
    std::map<std::string, int> speakers;
    for (auto& ps : doc.passages) {
      if (!ps.speaker.empty()) {
        speakers[ps.speaker]++;
      }
    }
    nlohmann::json jd = {{"name", doc.name},
                         {"kind", to_string(doc.kind)},
                         {"characters", count_code_points(doc.text)},
                         {"passages", doc.passages.size()},
                         {"speakers", speakers}};
    jd["first_passages"] = nlohmann::json::array();
    CodePointIndex idx(doc.text);
    for (std::size_t i = 0; i < doc.passages.size() && i < max_passages; ++i) {
      auto& ps = doc.passages[i];
      nlohmann::json jp = {
          {"start", ps.start}, {"end", ps.end}, {"text", std::string(idx.slice(ps.start, ps.end))}};
      if (!ps.speaker.empty())
        jp["speaker"] = ps.speaker;
      if (ps.start_ms)
        jp["start_ms"] = *ps.start_ms;
      if (ps.end_ms)
        jp["end_ms"] = *ps.end_ms;
      if (!ps.case_name.empty())
        jp["case"] = ps.case_name;
      if (!ps.question.empty())
        jp["question"] = ps.question;
      jd["first_passages"].push_back(jp);
    }
    j["documents"].push_back(jd);
  }
  return j;
}

} // namespace

void add_document_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand(
        "import", "Import files into a project (each file is one undoable action)");
    auto a = std::make_shared<ProjectArgs>();
    auto files = std::make_shared<std::vector<std::string>>();
    auto r = std::make_shared<ReadArgs>();
    auto opt = std::make_shared<ImportOptions>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("files", *files,
                    "Files to import; a folder imports the files in it and below it")
        ->required();
    add_read_options(cmd, *r);
    auto* again = cmd->add_flag("--again", opt->again,
                                "Import a file even if the same content was imported before");
    cmd->add_flag("--replace", opt->replace,
                  "Replace the documents of an earlier import of the same content")
        ->excludes(again);
    cmd->add_flag("--code-speakers", opt->code_speakers,
                  "Transcripts: code each turn under Speakers/NAME");
    cmd->add_flag("--speaker-cases", opt->speaker_cases,
                  "Transcripts: make a case per speaker and link turns to it");
    cmd->add_flag("--json", *json, "Print a JSON summary");
    cmd->callback([a, files, r, opt, json] {
      auto& p = open_project(*a);
      auto settings = settings_of(*r);
      // Read every file first: if one cannot be read, nothing is imported.
      std::vector<ImportData> read;
      std::vector<std::pair<std::string, ProjectData>> exchanged; // REFI-QDA: see cmd_exchange.cpp
      std::vector<std::string> skipped;
      auto paths = files_to_import({files->begin(), files->end()}, skipped);
      for (const auto& s : skipped) {
        std::cerr << "quire: note: " << s << '\n';
      }
      if (paths.empty()) {
        throw InputError("nothing to import: no file there is of a kind Quire reads");
      }
      for (const auto& path : paths) {
        const std::string f = path.file.string();
        if (is_exchange_file(f)) {
          exchanged.emplace_back(f, read_exchange_file(f, settings));
          continue;
        }
        read.push_back(read_file(f, settings));
        if (!opt->again && !opt->replace && was_imported(p, read.back().sha256)) {
          if (path.in_folder) {
            // Found in a folder: importing the folder again brings only its new files.
            std::cerr << "quire: note: " << f << ": skipped (already imported)\n";
            read.pop_back();
            continue;
          }
          throw InputError(f +
                           " was already imported into this project (same content). Use --again "
                           "to import another copy, or --replace to replace the earlier import");
        }
      }
      nlohmann::json out = nlohmann::json::array();
      for (const auto& [f, data] : exchanged) {
        out.push_back(store_exchange_file(p, data, f, *json));
      }
      for (const auto& data : read) {
        auto sum = store_import(p, data, *opt);
        for (auto& w : sum.warnings) {
          std::cerr << "quire: note: " << w << '\n';
        }
        nlohmann::json j = {{"file", data.source_file},
                            {"kind", data.kind},
                            {"documents", sum.documents},
                            {"passages", sum.passages},
                            {"codings", sum.codings},
                            {"cases_created", sum.cases_created},
                            {"cases_updated", sum.cases_updated},
                            {"warnings", sum.warnings}};
        out.push_back(j);
        if (!*json) {
          std::cout << "Imported " << data.source_file << " as " << data.kind << ": "
                    << sum.documents.size() << " document(s), " << sum.passages << " passage(s)";
          if (sum.codings)
            std::cout << ", " << sum.codings << " coding(s)";
          if (sum.cases_created || sum.cases_updated) {
            std::cout << ", " << sum.cases_created << " new case(s), " << sum.cases_updated
                      << " updated";
          }
          std::cout << '\n';
        }
      }
      if (*json) {
        print_json(out);
      }
    });
  }
  {
    auto* cmd = app.add_subcommand("inspect",
                                   "Show what importing a file would produce, without a project");
    auto file = std::make_shared<std::string>();
    auto r = std::make_shared<ReadArgs>();
    auto json = std::make_shared<bool>(false);
    auto n = std::make_shared<std::size_t>(5);
    cmd->add_option("file", *file, "The file to look at")->required();
    add_read_options(cmd, *r);
    cmd->add_option("--passages", *n, "How many first passages to show (default 5)");
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([file, r, json, n] {
      auto data = read_file(*file, settings_of(*r));
      auto j = inspect_json(data, *n);
      if (*json) {
        print_json(j);
        return;
      }
      std::cout << "File      " << data.source_file << "\nKind      " << data.kind << '\n';
      for (auto& w : data.warnings)
        std::cout << "Note      " << w << '\n';
      if (!data.attributes.empty()) {
        std::cout << "Attributes";
        for (auto& at : data.attributes)
          std::cout << "  " << at.name << " (" << to_string(at.type) << ")";
        std::cout << "\nCases     " << data.cases.size() << '\n';
      }
      if (!data.columns.empty()) {
        std::cout << "Rows      " << data.rows << "\n\n";
        std::vector<std::vector<std::string>> rows;
        for (auto& c : data.columns) {
          rows.push_back({c.name, c.role, c.role == "attribute" ? to_string(c.type) : "",
                          std::to_string(c.values), c.why});
        }
        print_table({"column", "role", "type", "values", "why"}, rows);
        bool first = true;
        for (auto& c : data.columns) {
          if (!c.question_text.empty()) {
            std::cout << (first ? "\nQuestions\n" : "") << "  " << c.name << ": " << c.question_text
                      << '\n';
            first = false;
          }
        }
        std::cout << '\n';
      }
      std::cout << "Documents " << data.documents.size() << '\n';
      std::size_t shown = 0;
      for (auto& jd : j["documents"]) {
        if (shown++ == *n) {
          std::cout << "\n... and " << j["documents"].size() - *n << " more documents\n";
          break;
        }
        std::cout << "\n"
                  << jd["name"].get<std::string>() << ": " << jd["characters"] << " characters, "
                  << jd["passages"] << " passages\n";
        if (!jd["speakers"].empty()) {
          std::cout << "  speakers:";
          for (auto& [s, c] : jd["speakers"].items())
            std::cout << ' ' << s << " (" << c << ")";
          std::cout << '\n';
        }
        for (auto& jp : jd["first_passages"]) {
          std::cout << "  [" << jp["start"] << ':' << jp["end"] << "]";
          if (jp.contains("start_ms"))
            std::cout << ' ' << clock_text(jp["start_ms"]);
          if (jp.contains("speaker"))
            std::cout << ' ' << jp["speaker"].get<std::string>() << ':';
          if (jp.contains("case"))
            std::cout << " case " << jp["case"].get<std::string>();
          if (jp.contains("question"))
            std::cout << " Q " << jp["question"].get<std::string>() << ':';
          std::cout << ' ' << preview(jp["text"]) << '\n';
        }
      }
    });
  }
  auto* docs = app.add_subcommand("docs", "List, show, rename and delete documents");
  docs->require_subcommand(1);
  {
    auto* cmd = docs->add_subcommand("list", "List the documents");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto& p = open_project(*a);
      auto docs_ = list_documents(p);
      std::map<Id, std::int64_t> codings;
      for (auto& d : docs_) {
        codings[d.id] = static_cast<std::int64_t>(document_codings(p, d.id).size());
      }
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& d : docs_) {
          auto jd = to_json(d);
          jd["codings"] = codings[d.id];
          jd["passages"] = list_passages(p, d.id).size();
          j.push_back(jd);
        }
        print_json(j);
        return;
      }
      std::vector<std::vector<std::string>> rows;
      for (auto& d : docs_) {
        rows.push_back({std::to_string(d.id), d.name, d.kind, d.folder, std::to_string(d.length),
                        std::to_string(codings[d.id])});
      }
      print_table({"id", "name", "kind", "folder", "chars", "codings"}, rows);
    });
  }
  {
    auto* cmd = docs->add_subcommand("show", "Show a document's text, passages and codings");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("document", *name, "Document name (or a unique prefix)")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, name, json] {
      auto& p = open_project(*a);
      auto d = find_document(p, *name);
      auto text = document_text(p, d.id);
      auto passages = list_passages(p, d.id);
      auto codings = document_codings(p, d.id);
      std::map<Id, std::string> path;
      for (auto& c : list_codes(p))
        path[c.id] = c.path;
      CodePointIndex idx(text);
      if (*json) {
        auto j = to_json(d);
        j["text"] = text;
        j["passages"] = nlohmann::json::array();
        for (auto& ps : passages) {
          j["passages"].push_back(
              {{"id", ps.id},
               {"start", ps.start},
               {"end", ps.end},
               {"speaker", ps.speaker},
               {"start_ms", ps.start_ms ? nlohmann::json(*ps.start_ms) : nlohmann::json(nullptr)},
               {"end_ms", ps.end_ms ? nlohmann::json(*ps.end_ms) : nlohmann::json(nullptr)},
               {"case_id", ps.case_id ? nlohmann::json(*ps.case_id) : nlohmann::json(nullptr)},
               {"question_id",
                ps.question_id ? nlohmann::json(*ps.question_id) : nlohmann::json(nullptr)}});
        }
        j["codings"] = nlohmann::json::array();
        for (auto& c : codings) {
          j["codings"].push_back({{"id", c.id},
                                  {"code", path[c.code_id]},
                                  {"start", c.start},
                                  {"end", c.end},
                                  {"coder", c.coder},
                                  {"text", std::string(idx.slice(c.start, c.end))}});
        }
        print_json(j);
        return;
      }
      std::cout << "# " << d.name << " (" << d.kind << ", " << d.length << " characters)\n\n"
                << text << "\n\n";
      if (!codings.empty()) {
        std::cout << "Codings:\n";
        for (auto& c : codings) {
          std::cout << "  " << c.id << "  " << c.start << ':' << c.end << "  " << path[c.code_id]
                    << "  (" << c.coder << ")  " << preview(std::string(idx.slice(c.start, c.end)))
                    << '\n';
        }
      }
    });
  }
  {
    auto* cmd = docs->add_subcommand("rename", "Rename a document");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("document", *name, "Document name")->required();
    cmd->add_option("new_name", *to, "New name")->required();
    cmd->callback([a, name, to] {
      auto& p = open_project(*a);
      rename_document(p, find_document(p, *name).id, *to);
      std::cout << "Renamed to " << *to << '\n';
    });
  }
  {
    auto* cmd = docs->add_subcommand("delete",
                                     "Delete a document with its passages and codings (undoable)");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("document", *name, "Document name")->required();
    cmd->callback([a, name] {
      auto& p = open_project(*a);
      auto d = find_document(p, *name);
      delete_document(p, d.id);
      std::cout << "Deleted " << d.name << " ('quire undo' brings it back)\n";
    });
  }
}

} // namespace quire::cli
