// parse_matrix_text(): a matrix written in one line of words, read once into
// a typed MatrixSpec (the CLI's --matrix; exporters never see the words).
#include <algorithm>
#include <map>

#include "quire/analysis/analysis.h"
#include "quire/base/error.h"

namespace quire {

MatrixSpec parse_matrix_text(const Project& p, const std::string& text) {
  // "rows=codes cols=attr:Role cell=cases": values may hold spaces, so a
  // value runs to the next " key=".
  static const std::vector<std::string> keys = {"rows=", "cols=", "cell="};
  std::map<std::string, std::string> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') {
      ++i;
    }
    if (i >= text.size()) {
      break;
    }
    std::string key;
    for (const auto& k : keys) {
      if (text.compare(i, k.size(), k) == 0) {
        key = k;
      }
    }
    if (key.empty()) {
      throw InputError("matrix '" + text + "': cannot read '" + text.substr(i) + "'",
                       Hint::WriteMatrixSpec);
    }
    std::size_t end = text.size();
    for (const auto& k : keys) {
      end = std::min(end, text.find(" " + k, i + key.size()));
    }
    parts[key] = text.substr(i + key.size(), end - i - key.size());
    i = end;
  }
  std::vector<std::string> rows;
  const std::string r = parts.count("rows=") ? parts["rows="] : "codes";
  for (std::size_t a = 0; a <= r.size();) {
    auto b = r.find(',', a);
    b = b == std::string::npos ? r.size() : b;
    if (b > a) {
      rows.push_back(r.substr(a, b - a));
    }
    a = b + 1;
  }
  return parse_matrix_spec(p, rows, parts.count("cols=") ? parts["cols="] : "cases",
                           parts.count("cell=") ? parts["cell="] : "cases");
}

} // namespace quire
