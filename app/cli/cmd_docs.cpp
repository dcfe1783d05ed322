// docs list | show | rename | delete: one function per command, each adding
// its options and then running it.
#include <iostream>
#include <map>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

namespace quire::cli {

namespace {

/// What a `quire docs` command is given (each uses what it needs).
struct DocArgs {
  ProjectArgs project;
  std::string name; ///< the document
  std::string to;   ///< rename: the new name
  bool json = false;
};

void run_docs_list(const DocArgs& a) {
  auto& p = open_project(a.project);
  auto docs = list_documents(p);
  std::map<Id, std::int64_t> codings;
  for (auto& d : docs) {
    codings[d.id] = static_cast<std::int64_t>(document_codings(p, d.id).size());
  }
  if (a.json) {
    nlohmann::json j = nlohmann::json::array();
    for (auto& d : docs) {
      auto jd = to_json(d);
      jd["codings"] = codings[d.id];
      jd["passages"] = list_passages(p, d.id).size();
      j.push_back(jd);
    }
    print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (auto& d : docs) {
    rows.push_back({std::to_string(d.id), d.name, d.kind, d.folder, std::to_string(d.length),
                    std::to_string(codings[d.id])});
  }
  print_table({"id", "name", "kind", "folder", "chars", "codings"}, rows);
}

/// A document with its text, passages and codings, as `docs show --json` prints it.
nlohmann::json document_json(const Document& d, const std::string& text,
                             const std::vector<Passage>& passages,
                             const std::vector<Coding>& codings,
                             std::map<Id, std::string>& code_path) {
  CodePointIndex idx(text);
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
                            {"code", code_path[c.code_id]},
                            {"start", c.start},
                            {"end", c.end},
                            {"coder", c.coder},
                            {"text", std::string(idx.slice(c.start, c.end))}});
  }
  return j;
}

void run_docs_show(const DocArgs& a) {
  auto& p = open_project(a.project);
  auto d = find_document(p, a.name);
  auto text = document_text(p, d.id);
  auto passages = list_passages(p, d.id);
  auto codings = document_codings(p, d.id);
  std::map<Id, std::string> path;
  for (auto& c : list_codes(p))
    path[c.id] = c.path;
  if (a.json) {
    print_json(document_json(d, text, passages, codings, path));
    return;
  }
  CodePointIndex idx(text);
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
}

void run_docs_rename(const DocArgs& a) {
  auto& p = open_project(a.project);
  rename_document(p, find_document(p, a.name).id, a.to);
  std::cout << "Renamed to " << a.to << '\n';
}

void run_docs_delete(const DocArgs& a) {
  auto& p = open_project(a.project);
  auto d = find_document(p, a.name);
  delete_document(p, d.id);
  std::cout << "Deleted " << d.name << " ('quire undo' brings it back)\n";
}

/// Adds `docs NAME`: PROJECT, then the options `with` adds, then runs `run`.
void add_docs_command(CLI::App* docs, const std::string& name, const std::string& help,
                      void (*run)(const DocArgs&),
                      const std::function<void(CLI::App*, DocArgs&)>& with) {
  auto* cmd = docs->add_subcommand(name, help);
  auto a = std::make_shared<DocArgs>();
  add_project_arg(cmd, a->project);
  with(cmd, *a);
  cmd->callback([a, run] { run(*a); });
}

void add_docs_commands(CLI::App& app) {
  auto* docs = app.add_subcommand("docs", "List, show, rename and delete documents");
  docs->require_subcommand(1);
  add_docs_command(
      docs, "list", "List the documents", run_docs_list,
      [](CLI::App* cmd, DocArgs& a) { cmd->add_flag("--json", a.json, "Print JSON"); });
  add_docs_command(
      docs, "show", "Show a document's text, passages and codings", run_docs_show,
      [](CLI::App* cmd, DocArgs& a) {
        cmd->add_option("document", a.name, "Document name (or a unique prefix)")->required();
        cmd->add_flag("--json", a.json, "Print JSON");
      });
  add_docs_command(docs, "rename", "Rename a document", run_docs_rename,
                   [](CLI::App* cmd, DocArgs& a) {
                     cmd->add_option("document", a.name, "Document name")->required();
                     cmd->add_option("new_name", a.to, "New name")->required();
                   });
  add_docs_command(docs, "delete", "Delete a document with its passages and codings (undoable)",
                   run_docs_delete, [](CLI::App* cmd, DocArgs& a) {
                     cmd->add_option("document", a.name, "Document name")->required();
                   });
}

} // namespace

/// docs list, show, rename, delete
void add_document_commands(CLI::App& app) {
  add_docs_commands(app);
}

} // namespace quire::cli
