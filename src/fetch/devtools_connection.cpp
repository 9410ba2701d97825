#include "tosdiff/fetch/devtools_connection.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace tosdiff {
namespace {

// The code unit of a \uXXXX escape starting at s[i] (s[i] == '\\'), or -1.
int escaped_unit(const std::string& s, std::size_t i) {
  if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
  int value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    if (!std::isxdigit(c)) return -1;
    value = value * 16 + (std::isdigit(c) ? c - '0' : std::tolower(c) - 'a' + 10);
  }
  return value;
}

}  // namespace

bool repair_lone_surrogates(std::string& s) {
  bool changed = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') continue;  // a backslash only ever starts an escape, in a string
    const int unit = escaped_unit(s, i);
    if (unit < 0) {
      ++i;  // skip the escaped character (it may itself be a backslash)
      continue;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const int next = escaped_unit(s, i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      s.replace(i + 2, 4, "FFFD");
      changed = true;
    }
    i += 5;
  }
  return changed;
}

void DevToolsConnection::call(std::string_view method, nlohmann::json params,
                              const std::string& session_id, int owner, Reply reply) {
  const int id = next_id_++;
  nlohmann::json message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (!session_id.empty()) message["sessionId"] = session_id;
  pipe_.send(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (reply) pending_.emplace(id, Pending{owner, std::move(reply)});
}

void DevToolsConnection::forget(int owner) {
  std::erase_if(pending_, [owner](const auto& entry) { return entry.second.owner == owner; });
}

std::optional<Error> DevToolsConnection::read(const EventHandler& on_event) {
  std::vector<std::string> messages;
  std::optional<Error> error = pipe_.receive(messages);
  // What arrived before the pipe broke still counts (a last reply, a crash event).
  for (std::string& text : messages) {
    nlohmann::json message = nlohmann::json::parse(text, nullptr, false);
    if (message.is_discarded() && repair_lone_surrogates(text)) {
      message = nlohmann::json::parse(text, nullptr, false);
    }
    if (message.is_discarded() || !message.is_object()) {
      ++unparsable_;
      continue;
    }
    dispatch(message, on_event);
  }
  return error;
}

void DevToolsConnection::dispatch(const nlohmann::json& message, const EventHandler& on_event) {
  const auto id = message.find("id");
  if (id != message.end() && id->is_number_integer()) {
    const auto it = pending_.find(id->get<int>());
    if (it == pending_.end()) return;
    // Out of the table before the call: the callback may issue commands or forget().
    Reply reply = std::move(it->second.reply);
    pending_.erase(it);
    if (const auto error = message.find("error"); error != message.end()) {
      reply(Error{ErrorKind::browser_failed, error->value("message", std::string("error without a message"))});
    } else if (const auto result = message.find("result"); result != message.end()) {
      reply(*result);
    } else {
      reply(nlohmann::json::object());
    }
    return;
  }
  const auto method = message.find("method");
  if (method == message.end() || !method->is_string()) return;
  static const nlohmann::json kNoParams = nlohmann::json::object();
  const auto params = message.find("params");
  const auto session = message.find("sessionId");
  on_event(method->get<std::string>(), params != message.end() ? *params : kNoParams,
           session != message.end() && session->is_string() ? session->get<std::string>() : "");
}

}  // namespace tosdiff
