// Conditions on case attributes: `Network = "Network 3"`, `Years >= 5`.
#include <algorithm>
#include <array>
#include <cctype>

#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"

namespace quire {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) {
    return {};
  }
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// Removes surrounding double or single quotes (a doubled quote inside
/// stands for one).
std::string unquote(const std::string& s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    std::string out;
    std::string inner = s.substr(1, s.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      out += inner[i];
      if (inner[i] == s.front() && i + 1 < inner.size() && inner[i + 1] == s.front()) {
        ++i;
      }
    }
    return out;
  }
  return s;
}

/// Splits on the word AND (any case, surrounded by spaces) outside quotes.
std::vector<std::string> split_and(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      quote = c == quote ? '\0' : quote;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ' ' && i + 4 < text.size() && (text[i + 1] | 0x20) == 'a' &&
               (text[i + 2] | 0x20) == 'n' && (text[i + 3] | 0x20) == 'd' && text[i + 4] == ' ') {
      parts.push_back(cur);
      cur.clear();
      i += 4;
      continue;
    }
    cur += c;
  }
  parts.push_back(cur);
  return parts;
}

Condition parse_one(const Project& p, const std::string& text) {
  static const std::array<std::string, 6> ops = {"<=", ">=", "!=", "=", "<", ">"};
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      quote = c == quote ? '\0' : quote;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    for (const auto& op : ops) {
      if (text.compare(i, op.size(), op) != 0) {
        continue;
      }
      auto name = unquote(trim(text.substr(0, i)));
      auto rhs = trim(text.substr(i + op.size()));
      if (name.empty() || rhs.empty()) {
        break;
      }
      auto attr = find_attribute(p, name);
      Condition cond{attr.name, op, {}};
      auto raw = unquote(rhs);
      try {
        cond.value = parse_value(raw, attr.type);
      } catch (const InputError& e) {
        throw InputError("in the condition '" + text + "': " + e.what(), e.hint(), e.hint_arg());
      }
      if (attr.type == AttrType::Text && op != "=" && op != "!=") {
        // Text compares alphabetically; allowed, but keep the raw text.
        cond.value = Value::of_text(raw);
      }
      return cond;
    }
  }
  throw InputError("the condition '" + text +
                   "' is not ATTRIBUTE OP VALUE with OP one of = != < <= > >=, e.g. "
                   "'Network = \"Network 3\"' or 'Years >= 5'");
}

int compare(const Value& a, const Value& b) {
  if (a.type == AttrType::Number) {
    return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  }
  return a.text.compare(b.text) < 0 ? -1 : a.text == b.text ? 0 : 1;
}

} // namespace

std::vector<Condition> parse_conditions(const Project& p, const std::string& text) {
  std::vector<Condition> out;
  std::string low = trim(text);
  for (auto& c : low) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (low == "and" || low.starts_with("and ") || low.ends_with(" and")) {
    throw InputError("the condition '" + text + "' has an empty part around AND");
  }
  for (const auto& part : split_and(text)) {
    auto t = trim(part);
    if (t.empty()) {
      throw InputError("the condition '" + text + "' has an empty part around AND");
    }
    out.push_back(parse_one(p, t));
  }
  return out;
}

bool case_matches(const std::vector<Condition>& conds, const std::map<std::string, Value>& values) {
  for (const auto& c : conds) {
    auto it = values.find(c.attribute);
    if (it == values.end() || it->second.missing || it->second.type != c.value.type) {
      return false;
    }
    int r = compare(it->second, c.value);
    bool ok = c.op == "="    ? r == 0
              : c.op == "!=" ? r != 0
              : c.op == "<"  ? r < 0
              : c.op == "<=" ? r <= 0
              : c.op == ">"  ? r > 0
                             : r >= 0;
    if (!ok) {
      return false;
    }
  }
  return true;
}

} // namespace quire
