// memos: add, edit, delete, list.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"

namespace quire::cli {

namespace {

/// Resolves "--on KIND --target NAME" to a memo target id.
std::optional<Id> resolve_target(Project& p, MemoTarget t, const std::string& target) {
  if (t == MemoTarget::Project) {
    return std::nullopt;
  }
  if (target.empty()) {
    throw InputError("say which " + to_string(t) + " with --target");
  }
  switch (t) {
  case MemoTarget::Document: return find_document(p, target).id;
  case MemoTarget::Code: return find_code(p, target).id;
  case MemoTarget::Case: return find_case(p, target).id;
  case MemoTarget::Coding: try { return std::stoll(target);
    } catch (const std::exception&) {
      throw InputError("a coding is given by its id (see 'quire codings --json')");
    }
  case MemoTarget::Project: break;
  }
  return std::nullopt;
}

void print_memos(const std::vector<Memo>& list, bool json) {
  if (json) {
    nlohmann::json j = nlohmann::json::array();
    for (auto& m : list) {
      j.push_back(
          {{"id", m.id},
           {"guid", m.guid},
           {"on", to_string(m.target)},
           {"target_id", m.target_id ? nlohmann::json(*m.target_id) : nlohmann::json(nullptr)},
           {"title", m.title},
           {"text", m.text},
           {"author", m.author},
           {"created_at", m.created_at},
           {"updated_at", m.updated_at}});
    }
    print_json(j);
    return;
  }
  for (auto& m : list) {
    std::cout << m.id << "  [" << to_string(m.target)
              << (m.target_id ? " " + std::to_string(*m.target_id) : "") << "] "
              << (m.title.empty() ? "" : m.title + ": ") << preview(m.text, 200) << "  ("
              << m.author << ", " << m.updated_at << ")\n";
  }
}

} // namespace

void add_memo_commands(CLI::App& app) {
  auto* memos =
      app.add_subcommand("memos", "Memos on the project, a document, a code, a coding or a case");
  memos->require_subcommand(1);
  auto kinds = CLI::IsMember({"project", "document", "code", "coding", "case"});
  auto on = std::make_shared<std::string>();
  auto target = std::make_shared<std::string>();
  auto text = std::make_shared<std::string>();
  auto title = std::make_shared<std::string>();
  auto id = std::make_shared<Id>(0);

  auto* add =
      project_command(memos, "add", "Write a memo", [on, target, text, title](Project& p, bool) {
        auto t = memo_target_from_string(on->empty() ? "project" : *on);
        auto mid = add_memo(p, t, resolve_target(p, t, *target), *text, *title);
        std::cout << "Added memo " << mid << '\n';
      });
  add->add_option("text", *text, "The memo's text")->required();
  add->add_option("--on", *on, "What it is about: project (default), document, code, coding, case")
      ->check(kinds);
  add->add_option("--target,-t", *target,
                  "Which one: document name, code path, case name or coding id");
  add->add_option("--title", *title, "A title");

  auto* edit =
      project_command(memos, "edit", "Replace a memo's text", [id, text](Project& p, bool) {
        edit_memo(p, *id, *text);
        std::cout << "Edited memo " << *id << '\n';
      });
  edit->add_option("id", *id, "Memo id")->required();
  edit->add_option("text", *text, "New text")->required();

  auto* del = project_command(memos, "delete", "Delete a memo", [id](Project& p, bool) {
    delete_memo(p, *id);
    std::cout << "Deleted memo " << *id << '\n';
  });
  del->add_option("id", *id, "Memo id")->required();

  auto* list = project_command(
      memos, "list", "List memos",
      [on, target](Project& p, bool json) {
        std::optional<MemoTarget> t;
        std::optional<Id> tid;
        if (!on->empty()) {
          t = memo_target_from_string(*on);
          if (!target->empty())
            tid = resolve_target(p, *t, *target);
        }
        print_memos(list_memos(p, t, tid), json);
      },
      true);
  list->add_option("--on", *on, "Only memos about: project, document, code, coding, case")
      ->check(kinds);
  list->add_option("--target,-t", *target, "Only memos on this one");
}

} // namespace quire::cli
