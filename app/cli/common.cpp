#include "common.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "quire/base/error.h"
#include "quire/base/platform.h"
#include "quire/base/text.h"
#include "quire/store/safety_copies.h"

namespace quire::cli {

void add_project_arg(CLI::App* cmd, ProjectArgs& a) {
  cmd->add_option("project", a.path, "The project file (NAME.quire)")->required();
  cmd->add_option("--coder", a.coder,
                  "Act as this coder (default: $QUIRE_CODER, the project's coder setting, $USER)");
  cmd->add_flag("--read-only", a.read_only,
                "Open the project without writing to it (a read-only file or folder, a copy "
                "on a CD or share): reading, searching and exporting work");
}

CLI::App* project_command(CLI::App* parent, const std::string& name, const std::string& help,
                          const ProjectRun& run, bool with_json) {
  auto* cmd = parent->add_subcommand(name, help);
  auto a = std::make_shared<ProjectArgs>();
  auto json = std::make_shared<bool>(false);
  add_project_arg(cmd, *a);
  if (with_json) {
    cmd->add_flag("--json", *json, "Print JSON");
  }
  cmd->callback([a, json, run] {
    auto& p = open_project(*a);
    run(p, *json);
  });
  return cmd;
}

namespace {

struct Session {
  std::optional<Project> project;
  std::unique_ptr<SearchIndex> index;
  ~Session() { index.reset(); } // the index listens to the project: it goes first
};

Session& session() {
  static Session s;
  return s;
}

class StderrProgress : public Progress {
public:
  void message(const std::string& text) override { std::cerr << text << "…\n"; }
  void update(std::int64_t done, std::int64_t total) override {
    if (total > 0 && quire::platform::stderr_is_terminal()) {
      std::cerr << '\r' << (done * 100 / total) << "%  " << std::flush;
      if (done + 1 >= total)
        std::cerr << "\r     \r";
    }
  }
};

} // namespace

Progress& stderr_progress() {
  static StderrProgress p;
  return p;
}

Project& open_project(const ProjectArgs& a) {
  auto& s = session();
  s.index.reset();
  s.project.reset();
  s.project.emplace(
      Project::open(a.path, a.read_only ? Project::Access::ReadOnly : Project::Access::ReadWrite));
  if (!a.coder.empty()) {
    s.project->set_session_coder(a.coder);
  }
  s.project->report_waits_to(&stderr_progress());
  if (const char* v = std::getenv("QUIRE_SAFETY_COPY"); v && std::string(v) == "optional") {
    set_safety_copy_required(*s.project, false);
  }
  // An index there follows this command's changes (and is caught up with
  // other programs'); it never stops the project from opening.
  if (std::filesystem::exists(SearchIndex::folder_for(s.project->path()))) {
    s.index = SearchIndex::open(*s.project, stderr_progress());
    s.index->report_to(&stderr_progress());
  }
  return *s.project;
}

SearchIndex& open_index(Project& p) {
  auto& s = session();
  if (!s.index) {
    s.index = SearchIndex::open(p, stderr_progress());
    s.index->report_to(&stderr_progress());
  }
  return *s.index;
}

void tell_index_problem(const std::string& already_said) {
  auto& s = session();
  if (s.index) {
    if (auto problem = s.index->take_problem(); !problem.empty() && problem != already_said) {
      std::cerr << "quire: warning: " << problem << '\n';
    }
  }
}

std::string storage_hint(StorageError::Kind kind) {
  using Kind = StorageError::Kind;
  switch (kind) {
  case Kind::Damaged: return ". 'quire check PROJECT' lists what is damaged";
  case Kind::ReadOnly: return ". To read, search or export it as it is, add --read-only";
  case Kind::NoAccess: return ". If you may read it, add --read-only to read, search or export it";
  default: return "";
  }
}

std::pair<std::int64_t, std::int64_t> parse_range(const std::string& s) {
  auto colon = s.find(':');
  try {
    if (colon == std::string::npos) {
      throw std::invalid_argument("no colon");
    }
    std::size_t used = 0;
    auto a = std::stoll(s.substr(0, colon), &used);
    if (used != colon) {
      throw std::invalid_argument("junk");
    }
    auto rest = s.substr(colon + 1);
    auto b = std::stoll(rest, &used);
    if (used != rest.size()) {
      throw std::invalid_argument("junk");
    }
    return {a, b};
  } catch (const std::logic_error&) {
    throw InputError("range '" + s + "' is not START:END in characters, e.g. 120:188");
  }
}

void print_json(const nlohmann::json& j) {
  std::cout << j.dump(2) << '\n';
}

void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  auto w = [](const std::string& s) { return static_cast<std::size_t>(count_code_points(s)); };
  for (std::size_t i = 0; i < header.size(); ++i) {
    width[i] = w(header[i]);
  }
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], std::min<std::size_t>(w(r[i]), 70));
    }
  }
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (std::size_t i = 0; i < r.size(); ++i) {
      out += r[i];
      if (i + 1 < r.size()) {
        out += std::string(width[i] > w(r[i]) ? width[i] - w(r[i]) : 0, ' ') + "  ";
      }
    }
    std::cout << out << '\n';
  };
  line(header);
  for (const auto& r : rows) {
    line(r);
  }
}

std::string preview(const std::string& text, std::size_t max_chars) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = text[i];
    if ((c & 0xC0) != 0x80) {
      if (n == max_chars) {
        out += "…";
        break;
      }
      ++n;
    }
    if (c == '\n') {
      out += "⏎";
    } else if (c == '\t') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

nlohmann::json to_json(const Value& v) {
  if (v.missing) {
    return nullptr;
  }
  if (v.type == AttrType::Number) {
    return v.number;
  }
  return v.text;
}

nlohmann::json to_json(const Document& d) {
  return {{"id", d.id},
          {"guid", d.guid},
          {"name", d.name},
          {"kind", d.kind},
          {"folder", d.folder},
          {"original_name", d.original_name},
          {"imported_at", d.imported_at},
          {"sha256", d.sha256},
          {"length", d.length},
          {"case_id", d.case_id ? nlohmann::json(*d.case_id) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const Code& c) {
  return {{"id", c.id},
          {"guid", c.guid},
          {"path", c.path},
          {"name", c.name},
          {"parent_id", c.parent_id ? nlohmann::json(*c.parent_id) : nlohmann::json(nullptr)},
          {"level", c.level},
          {"color", c.color},
          {"description", c.description}};
}

} // namespace quire::cli
