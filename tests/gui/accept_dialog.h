#pragma once
// A dialog of ours answered with OK as it comes (its defaults), for
// wxTEST_DIALOG (wxExpectModal knows only wx's own dialogs).
#include <wx/testing.h>

namespace quire::test {

template <class Dialog>
class AcceptDialog : public wxExpectModalBase<Dialog, AcceptDialog<Dialog>> {
protected:
  int OnInvoked(Dialog*) const override { return wxID_OK; }
};

} // namespace quire::test
