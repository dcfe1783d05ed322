// The desktop app's side of team projects (docs/teams.md), against a real
// PostgreSQL (tests/team/run_with_pg.sh starts a throwaway cluster and sets
// QUIRE_TEST_PG; without it every case skips with a message). The real main
// window publishes a project (File > Publish as Team Project…), a colleague's
// window joins it (File > Join Team Project…), Team > Members… is driven
// through its widgets as an owner and as a coder, and Team > Conflicts…
// lists a conflict the colleagues' copies made and shows the code it names.
#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <random>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "codebook_pane.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/team/team.h"
#include "team_dialogs.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

const char* admin_url() {
  return std::getenv("QUIRE_TEST_PG");
}

struct NeedsServer {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result r(admin_url() != nullptr);
    r.message() << "no PostgreSQL for the app's team tests (run through tests/team/run_with_pg.sh)";
    return r;
  }
};

void sql(const std::string& url, const std::string& q) {
  PGconn* c = PQconnectdb(url.c_str());
  BOOST_REQUIRE_MESSAGE(PQstatus(c) == CONNECTION_OK, PQerrorMessage(c));
  PGresult* r = PQexec(c, q.c_str());
  auto st = PQresultStatus(r);
  BOOST_CHECK_MESSAGE(st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK, PQresultErrorMessage(r));
  PQclear(r);
  PQfinish(c);
}

/// A fresh database alice may publish to, and logins for bob, carol and
/// mallory (never made a member).
struct Team {
  std::string db;
  std::string host;
  TempDir dir;
  Team() {
    static std::atomic<int> n{0};
    db = "quire_gui" + std::to_string(std::random_device{}() % 1000000) + "_" + std::to_string(++n);
    host = std::getenv("QUIRE_TEST_PG_HOST") ? std::getenv("QUIRE_TEST_PG_HOST") : "";
    for (const char* who : {"alice", "bob", "carol", "mallory"}) {
      sql(admin_url(),
          std::string("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '") + who +
              "') THEN CREATE ROLE " + who + " LOGIN; END IF; END $$");
    }
    sql(admin_url(), "ALTER ROLE alice CREATEROLE");
    sql(admin_url(), "CREATE DATABASE " + db + " OWNER alice");
  }
  std::string url(const std::string& who) const {
    return "host=" + host + " user=" + who + " dbname=" + db;
  }
  void cli(const std::string& who, const std::vector<std::string>& args) const {
    auto r = run_quire(args, {{"QUIRE_CODER", who}});
    BOOST_REQUIRE_MESSAGE(r.status == 0, "quire failed: " << r.err);
  }
};

/// One of our dialogs driven by fn as it comes up (fn returns its answer).
template <class Dialog> class Drive : public wxExpectModalBase<Dialog, Drive<Dialog>> {
public:
  explicit Drive(std::function<int(Dialog*)> fn) : m_fn(std::move(fn)) {}

protected:
  int OnInvoked(Dialog* dlg) const override { return m_fn(dlg); }

private:
  std::function<int(Dialog*)> m_fn;
};

/// An error message box, its words kept in *out.
class KeepMessage : public wxExpectModalBase<wxMessageDialog, KeepMessage> {
public:
  explicit KeepMessage(std::string* out) : m_out(out) {}

protected:
  int OnInvoked(wxMessageDialog* dlg) const override {
    *m_out = gui::utf8(dlg->GetMessage());
    return wxID_OK;
  }

private:
  std::string* m_out;
};

template <class W> W& child(wxWindow* dlg, const char* name) {
  auto* w = dynamic_cast<W*>(wxWindow::FindWindowByName(name, dlg));
  BOOST_REQUIRE_MESSAGE(w, "the dialog has no " << name);
  return *w;
}

void click(wxWindow* dlg, const char* name) {
  auto& b = child<wxButton>(dlg, name);
  BOOST_REQUIRE_MESSAGE(b.IsEnabled(), name << " is disabled");
  wxCommandEvent e(wxEVT_BUTTON, b.GetId());
  e.SetEventObject(&b);
  b.GetEventHandler()->ProcessEvent(e);
}

/// The Join / Publish dialog filled in as a user types, then Join / Publish.
int fill_address(gui::TeamAddressDialog* dlg, const std::string& url,
                 const std::filesystem::path& file = {}) {
  child<wxTextCtrl>(dlg, "team-address").SetValue(gui::wx(url));
  if (!file.empty()) {
    child<wxTextCtrl>(dlg, "team-file").SetValue(gui::wx(file.string()));
  }
  auto& ok = *dlg->FindWindow(wxID_OK);
  wxCommandEvent e(wxEVT_BUTTON, wxID_OK);
  e.SetEventObject(&ok);
  ok.GetEventHandler()->ProcessEvent(e);
  return dlg->GetReturnCode() == wxID_OK ? wxID_OK : wxID_CANCEL;
}

/// The rows of a list: "login role" / "who what".
std::vector<std::string> rows(wxListCtrl& l) {
  std::vector<std::string> out;
  for (long i = 0; i < l.GetItemCount(); ++i) {
    std::string row;
    for (int c = 0; c < l.GetColumnCount(); ++c) {
      row += (c ? " " : "") + gui::utf8(l.GetItemText(i, c));
    }
    out.push_back(row);
  }
  return out;
}

bool has_row(wxListCtrl& l, const std::string& row) {
  for (const auto& r : rows(l)) {
    if (r == row) {
      return true;
    }
  }
  return false;
}

void select_row(wxListCtrl& l, const std::string& first) {
  for (long i = 0; i < l.GetItemCount(); ++i) {
    if (gui::utf8(l.GetItemText(i, 0)) == first) {
      l.SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
      pump(20);
      return;
    }
  }
  BOOST_FAIL("no row " << first);
}

/// Adds or changes a member through the dialog's widgets; returns its words.
std::string set_member(gui::TeamMembersDialog* dlg, const std::string& login,
                       const std::string& role) {
  child<wxTextCtrl>(dlg, "team-login").SetValue(gui::wx(login));
  choose(child<wxChoice>(dlg, "team-role"), gui::wx(role));
  click(dlg, "team-set-member");
  return gui::utf8(dlg->message());
}

/// A project of alice's, open in a window of its own.
struct Window {
  gui::MainFrame* frame = nullptr;
  explicit Window(const std::filesystem::path& project) {
    frame = new gui::MainFrame(wxSize(1100, 700));
    frame->Show();
    if (!project.empty()) {
      BOOST_REQUIRE(frame->open_project(project, false, false));
    }
    pump(50);
  }
  Window(const Window&) = delete;
  ~Window() {
    frame->Destroy();
    pump(20);
  }
};

std::filesystem::path made_project(const std::filesystem::path& path) {
  auto p = Project::create(path);
  add_text_document(p, "interview-cafe",
                    "We meet once a month at the cafe and share what did not work.\n");
  add_code(p, "Place");
  add_code(p, "Purpose/Peer support");
  return path;
}

bool no_file_like(const std::filesystem::path& p) {
  for (const char* end : {"", "-wal", "-shm", "-journal"}) {
    if (std::filesystem::exists(p.string() + end)) {
      return false;
    }
  }
  return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(team_app, *boost::unit_test::precondition(NeedsServer()))

// File > Publish as Team Project… makes the open project a team project, and
// File > Join Team Project… makes a colleague's working copy and opens it.
BOOST_AUTO_TEST_CASE(publish_and_join_from_the_app) {
  Team t;
  Window alice(made_project(t.dir / "alice.quire"));
  wxTEST_DIALOG(BOOST_CHECK(alice.frame->commands().invoke("team/publish")),
                Drive<gui::TeamAddressDialog>(
                    [&](gui::TeamAddressDialog* d) { return fill_address(d, t.url("alice")); }));
  BOOST_REQUIRE(is_team_project(alice.frame->session().project()));
  auto st = team_status(alice.frame->session().project(), true);
  BOOST_CHECK(st.online);
  BOOST_CHECK_EQUAL(st.role, "owner");
  t.cli("alice", {"team", "members", "add", (t.dir / "alice.quire").string(), "bob", "coder"});

  Window bob({});
  auto copy = t.dir / "bob.quire";
  wxTEST_DIALOG(BOOST_CHECK(bob.frame->commands().invoke("team/join")),
                Drive<gui::TeamAddressDialog>([&](gui::TeamAddressDialog* d) {
                  return fill_address(d, t.url("bob"), copy);
                }));
  BOOST_REQUIRE(bob.frame->session().is_open());
  BOOST_CHECK(bob.frame->session().path() == copy);
  auto& p = bob.frame->session().project();
  BOOST_CHECK(is_team_project(p));
  BOOST_CHECK_EQUAL(list_documents(p).size(), 1u);
  BOOST_CHECK(try_find_code(p, "Purpose/Peer support").has_value());
  BOOST_CHECK(gui::utf8(bob.frame->GetTitle()).find("bob.quire") == 0);
}

// Joining fails in words and leaves no file: a database that does not exist,
// a login that is not a member, a database without a team project, an
// address holding a password; and the dialog itself refuses a file that
// exists.
BOOST_AUTO_TEST_CASE(join_refusals_in_words_leave_nothing) {
  Team t;
  {
    auto p = Project::create(t.dir / "alice.quire");
    add_code(p, "Place");
    team_create(p, t.url("alice"));
  }
  Window w({});
  auto copy = t.dir / "joined.quire";
  auto join = [&](const std::string& url) {
    std::string words;
    wxTEST_DIALOG(w.frame->commands().invoke("team/join"),
                  Drive<gui::TeamAddressDialog>(
                      [&](gui::TeamAddressDialog* d) { return fill_address(d, url, copy); }),
                  KeepMessage(&words));
    BOOST_CHECK_MESSAGE(no_file_like(copy), "a failed join left " << copy << " behind");
    BOOST_CHECK(!w.frame->session().is_open());
    return words;
  };
  auto offline = join("host=" + t.host + " user=bob dbname=no_such_database");
  BOOST_TEST_MESSAGE(offline);
  BOOST_CHECK(offline.find("Could not join the team project") == 0);
  BOOST_CHECK(offline.find("no_such_database") != std::string::npos);
  BOOST_CHECK(offline.find("Check the address") != std::string::npos);
  BOOST_CHECK(offline.find("Work goes on here") ==
              std::string::npos); // a sync's words, not a join's

  auto stranger = join(t.url("mallory"));
  BOOST_TEST_MESSAGE(stranger);
  BOOST_CHECK(stranger.find("mallory is not a member of this team project") != std::string::npos);
  BOOST_CHECK(stranger.find("An owner adds members with Team > Members") != std::string::npos);

  auto empty = join("host=" + t.host + " user=bob dbname=postgres");
  BOOST_TEST_MESSAGE(empty);
  BOOST_CHECK(empty.find("holds no Quire team project") != std::string::npos);

  auto password = join(t.url("bob") + " password=secret");
  BOOST_TEST_MESSAGE(password);
  BOOST_CHECK(password.find("holds a password") != std::string::npos);
  BOOST_CHECK(password.find("secret") == std::string::npos);

  // A file that exists: the dialog says so and stays open (Cancel then).
  auto there = made_project(t.dir / "there.quire");
  std::string problem;
  wxTEST_DIALOG(w.frame->commands().invoke("team/join"),
                Drive<gui::TeamAddressDialog>([&](gui::TeamAddressDialog* d) {
                  BOOST_CHECK_EQUAL(fill_address(d, t.url("alice"), there), wxID_CANCEL);
                  problem = gui::utf8(child<wxStaticText>(d, "team-problem").GetLabel());
                  return wxID_CANCEL;
                }));
  BOOST_CHECK(problem.find("There is already a file") == 0);
  BOOST_CHECK(!w.frame->session().is_open());
}

// Team > Members… as the owner: add, change a role, remove, each on the
// server; the server's refusals in words. As a coder: read-only, told why;
// and a coder whose dialog was opened as an owner is refused by the server.
BOOST_AUTO_TEST_CASE(members_as_owner_and_as_coder) {
  Team t;
  auto mine = made_project(t.dir / "alice.quire");
  {
    auto p = Project::open(mine);
    team_create(p, t.url("alice"));
  }
  Window alice(mine);
  auto& ap = alice.frame->session().project();
  wxTEST_DIALOG(
      alice.frame->commands().invoke("team/members"),
      Drive<gui::TeamMembersDialog>([&](gui::TeamMembersDialog* d) {
        auto& list = child<wxListCtrl>(d, "team-members");
        BOOST_CHECK(d->can_change());
        BOOST_CHECK(has_row(list, "alice owner"));
        BOOST_CHECK_EQUAL(set_member(d, "bob", "coder"), "bob is now a member, a coder.");
        BOOST_CHECK(has_row(list, "bob coder"));
        set_member(d, "carol", "reader");
        BOOST_CHECK(has_row(list, "carol reader"));
        // A role changed from the list: choose the row, then the role.
        select_row(list, "carol");
        BOOST_CHECK_EQUAL(gui::utf8(child<wxTextCtrl>(d, "team-login").GetValue()), "carol");
        choose(child<wxChoice>(d, "team-role"), "coder");
        click(d, "team-set-member");
        BOOST_CHECK_EQUAL(gui::utf8(d->message()), "carol is now a coder.");
        BOOST_CHECK(has_row(list, "carol coder"));
        select_row(list, "carol");
        click(d, "team-remove-member");
        BOOST_CHECK(!has_row(list, "carol coder"));
        BOOST_CHECK(gui::utf8(d->message()).find("carol is no longer a member") == 0);
        // The server's refusals, in words, the list unchanged.
        auto nobody = set_member(d, "nobody_here", "coder");
        BOOST_TEST_MESSAGE(nobody);
        BOOST_CHECK(nobody.find("There is no login \"nobody_here\"") != std::string::npos);
        BOOST_CHECK(nobody.find("database's name") == std::string::npos); // no advice that misleads
        select_row(list, "alice");
        click(d, "team-remove-member");
        BOOST_CHECK(gui::utf8(d->message()).find("keeps at least one owner") != std::string::npos);
        BOOST_CHECK_EQUAL(rows(list).size(), 2u);
        return wxID_OK;
      }));
  auto st = team_status(ap, true);
  BOOST_REQUIRE_EQUAL(st.members.size(), 2u);
  BOOST_CHECK_EQUAL(st.members[1].login, "bob");
  BOOST_CHECK_EQUAL(st.members[1].role, "coder");

  // Bob, a coder, sees the list only, and why.
  auto copy = t.dir / "bob.quire";
  team_join(t.url("bob"), copy);
  Window bob(copy);
  wxTEST_DIALOG(bob.frame->commands().invoke("team/members"),
                Drive<gui::TeamMembersDialog>([&](gui::TeamMembersDialog* d) {
                  BOOST_CHECK(!d->can_change());
                  BOOST_CHECK(!child<wxButton>(d, "team-set-member").IsEnabled());
                  BOOST_CHECK(!child<wxButton>(d, "team-remove-member").IsEnabled());
                  BOOST_CHECK(!child<wxTextCtrl>(d, "team-login").IsEnabled());
                  BOOST_CHECK(has_row(child<wxListCtrl>(d, "team-members"), "bob coder"));
                  auto m = gui::utf8(d->message());
                  BOOST_TEST_MESSAGE(m);
                  BOOST_CHECK(m.find("You are a coder of this team project") == 0);
                  BOOST_CHECK(m.find("only an owner") != std::string::npos);
                  return wxID_OK;
                }));

  // Bob made an owner opens the dialog; alice makes him a coder again
  // meanwhile: his change is refused by the server, in words.
  team_set_member(ap, "bob", "owner");
  wxTEST_DIALOG(bob.frame->commands().invoke("team/members"),
                Drive<gui::TeamMembersDialog>([&](gui::TeamMembersDialog* d) {
                  BOOST_REQUIRE(d->can_change());
                  team_set_member(ap, "bob", "coder");
                  auto m = set_member(d, "carol", "coder");
                  BOOST_TEST_MESSAGE(m);
                  BOOST_CHECK(m.find("The team server refused: Only an owner of this team "
                                     "project can change its members") == 0);
                  return wxID_OK;
                }));
  auto after = team_status(ap, true);
  BOOST_CHECK_EQUAL(after.members.size(), 2u); // carol was not added
}

// Team > Conflicts…: a code deleted by one member while another coded with it
// is kept by the server; the window's Conflicts list says so, and a double
// click shows the code in the codebook.
BOOST_AUTO_TEST_CASE(conflicts_listed_and_opened) {
  Team t;
  auto mine = made_project(t.dir / "alice.quire");
  {
    auto p = Project::open(mine);
    team_create(p, t.url("alice"));
    team_set_member(p, "bob", "coder");
  }
  // Two more copies, worked with the quire command as colleagues would.
  auto laptop = (t.dir / "alice-laptop.quire").string();
  auto theirs = (t.dir / "bob.quire").string();
  t.cli("alice", {"team", "join", t.url("alice"), laptop});
  t.cli("bob", {"team", "join", t.url("bob"), theirs});
  t.cli("bob",
        {"code", theirs, "--doc", "interview-cafe", "--match", "at the cafe", "--code", "Place"});
  t.cli("bob", {"team", "sync", theirs});
  t.cli("alice", {"codes", "delete", laptop, "Place", "--force"});
  t.cli("alice", {"team", "sync", laptop});

  Window alice(mine);
  auto& p = alice.frame->session().project(); // "Place" is still here: nobody deleted it here
  pump(50);
  std::vector<std::string> listed;
  bool opened = false;
  wxTEST_DIALOG(alice.frame->commands().invoke("team/conflicts"),
                Drive<gui::TeamConflictsDialog>([&](gui::TeamConflictsDialog* d) {
                  auto& list = child<wxListCtrl>(d, "team-conflicts");
                  listed = rows(list);
                  for (long i = 0; i < list.GetItemCount(); ++i) {
                    if (gui::utf8(list.GetItemText(i, 2)).find("\"Place\" was kept") !=
                        std::string::npos) {
                      opened = d->open(i);
                    }
                  }
                  return wxID_OK;
                }));
  for (const auto& r : listed) {
    BOOST_TEST_MESSAGE(r);
  }
  BOOST_REQUIRE(!listed.empty());
  bool kept = false;
  for (const auto& r : listed) {
    kept = kept || r.find("alice The code \"Place\" was kept: alice deleted it while others had "
                          "codings with it.") != std::string::npos;
  }
  BOOST_CHECK(kept);
  BOOST_CHECK(opened);
  pump(50);
  BOOST_CHECK(alice.frame->session().selected_code() == find_code(p, "Place").id);
}

BOOST_AUTO_TEST_SUITE_END()
