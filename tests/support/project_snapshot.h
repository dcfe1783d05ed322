#pragma once
// Everything a user can see of a project, as text, to compare its states
// (before and after an undo, a failed import, a round trip).
#include <string>

#include "quire/store/project.h"

namespace quire::test {

std::string project_snapshot(const Project& p);

} // namespace quire::test
