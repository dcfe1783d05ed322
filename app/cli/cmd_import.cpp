// import and inspect: one function per command, each adding its options
// and then running it in named steps. Both read files through the one
// import pipeline (importers/import_pipeline.h).
#include <iostream>
#include <map>
#include <sstream>

#include "commands.h"
#include "common.h"
#include "exchange_cli.h"
#include "importers/import_pipeline.h"
#include "importers/importer.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

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

// --- quire import -----------------------------------------------------------

/// What `quire import` is given.
struct ImportArgs {
  ProjectArgs project;
  std::vector<std::string> files;
  ReadArgs read;
  ImportOptions options;
  bool json = false;
};

/// The JSON of one stored file and, unless json, its line on stdout (and its
/// notes on stderr). REFI-QDA files print their merge report.
nlohmann::json report_stored(const FileImport& r, bool json) {
  const std::string file = r.file.string();
  if (r.exchange) {
    return report_exchange(*r.exchange, file, json);
  }
  const auto& sum = r.summary;
  for (auto& w : sum.warnings) {
    std::cerr << "quire: note: " << w << '\n';
  }
  nlohmann::json j = {{"file", file},
                      {"kind", r.kind},
                      {"documents", sum.documents},
                      {"passages", sum.passages},
                      {"codings", sum.codings},
                      {"cases_created", sum.cases_created},
                      {"cases_updated", sum.cases_updated},
                      {"warnings", sum.warnings}};
  if (!json) {
    std::cout << "Imported " << file << " as " << r.kind << ": " << sum.documents.size()
              << " document(s), " << sum.passages << " passage(s)";
    if (sum.codings)
      std::cout << ", " << sum.codings << " coding(s)";
    if (sum.cases_created || sum.cases_updated) {
      std::cout << ", " << sum.cases_created << " new case(s), " << sum.cases_updated << " updated";
    }
    std::cout << '\n';
  }
  return j;
}

/// Says what becomes of each file as the pipeline tells it: skips as notes on
/// stderr, stored files on stdout (or collected for --json).
class ImportPrinter : public ImportObserver {
public:
  explicit ImportPrinter(bool json) : m_json(json) {}
  void file_done(const FileImport& r) override {
    if (r.outcome == FileOutcome::Skipped) {
      std::cerr << "quire: note: " << r.file.string() << ": skipped (" << r.why << ")\n";
    } else if (r.outcome == FileOutcome::Stored) {
      m_out.push_back(report_stored(r, m_json));
    }
  }
  const nlohmann::json& out() const { return m_out; }

private:
  bool m_json;
  nlohmann::json m_out = nlohmann::json::array();
};

/// Refuses the import when no file named is of a kind Quire reads, and
/// names the first file named on its own that was imported before (the app
/// asks about it; here --again or --replace say what to do).
void refuse_what_was_not_imported(const std::vector<FileImport>& results) {
  bool read_any = false;
  for (const auto& r : results) {
    read_any = read_any || r.outcome != FileOutcome::Skipped || r.skipped_as_imported();
  }
  if (!read_any) {
    throw InputError("nothing to import: no file there is of a kind Quire reads");
  }
  for (const auto& r : results) {
    if (r.outcome == FileOutcome::AlreadyImported) {
      throw InputError(r.file.string() +
                       " was already imported into this project (same content). Use --again "
                       "to import another copy, or --replace to replace the earlier import");
    }
  }
}

/// `quire import`: every file through the one import pipeline (importers/import_pipeline.h).
void run_import(const ImportArgs& a) {
  auto& p = open_project(a.project);
  ImportRequest request;
  request.paths = {a.files.begin(), a.files.end()};
  request.settings = settings_of(a.read);
  request.options = a.options;
  ImportPrinter printer(a.json);
  auto results = import_files(p, std::move(request), printer);
  // What was stored is printed even when a file named is refused next; with
  // nothing stored, the refusal alone (or [] when every file was skipped).
  const bool stored = !printer.out().empty();
  if (a.json && stored) {
    print_json(printer.out());
  }
  refuse_what_was_not_imported(results);
  if (a.json && !stored) {
    print_json(printer.out());
  }
}

void add_import_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("import",
                                 "Import files into a project (each file is one undoable action)");
  auto a = std::make_shared<ImportArgs>();
  add_project_arg(cmd, a->project);
  cmd->add_option("files", a->files,
                  "Files to import; a folder imports the files in it and below it")
      ->required();
  add_read_options(cmd, a->read);
  auto* again = cmd->add_flag("--again", a->options.again,
                              "Import a file even if the same content was imported before");
  cmd->add_flag("--replace", a->options.replace,
                "Replace the documents of an earlier import of the same content")
      ->excludes(again);
  cmd->add_flag("--code-speakers", a->options.code_speakers,
                "Transcripts: code each turn under Speakers/NAME");
  cmd->add_flag("--speaker-cases", a->options.speaker_cases,
                "Transcripts: make a case per speaker and link turns to it");
  cmd->add_flag("--json", a->json, "Print a JSON summary");
  cmd->callback([a] { run_import(*a); });
}

// --- quire inspect ----------------------------------------------------------

/// What `quire inspect` is given.
struct InspectArgs {
  std::string file;
  ReadArgs read;
  bool json = false;
  std::size_t passages = 5;
};

/// The survey's columns, as a table, and the questions' texts.
void print_columns(const ImportData& data) {
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

/// The first n documents of inspect's JSON, each with its first passages.
void print_documents(const nlohmann::json& j, std::size_t n) {
  std::size_t shown = 0;
  for (auto& jd : j["documents"]) {
    if (shown++ == n) {
      std::cout << "\n... and " << j["documents"].size() - n << " more documents\n";
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
}

/// `quire inspect`: reads the file and shows what importing it would give.
void run_inspect(const InspectArgs& a) {
  auto data = read_file(a.file, settings_of(a.read));
  auto j = inspect_json(data, a.passages);
  if (a.json) {
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
    print_columns(data);
  }
  std::cout << "Documents " << data.documents.size() << '\n';
  print_documents(j, a.passages);
}

void add_inspect_command(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("inspect", "Show what importing a file would produce, without a project");
  auto a = std::make_shared<InspectArgs>();
  cmd->add_option("file", a->file, "The file to look at")->required();
  add_read_options(cmd, a->read);
  cmd->add_option("--passages", a->passages, "How many first passages to show (default 5)");
  cmd->add_flag("--json", a->json, "Print JSON");
  cmd->callback([a] { run_inspect(*a); });
}

} // namespace

/// import, inspect
void add_import_commands(CLI::App& app) {
  add_import_command(app);
  add_inspect_command(app);
}

} // namespace quire::cli
