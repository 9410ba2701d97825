#pragma once
// DevToolsConnection: the Chrome DevTools protocol over a DevToolsPipe. Commands get ids and
// their replies go to the callback given with them; events go to one handler. Sessions are
// "flat" (Target.attachToTarget with flatten: true): a command or event of a page carries
// its sessionId, the browser's own carry none.
//
// Not thread-safe; it lives on the thread that polls the pipe. Callbacks run inside read(),
// on that thread, and may issue further commands.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tosdiff/fetch/devtools_pipe.hpp"
#include "tosdiff/model/result.hpp"

namespace tosdiff {

class DevToolsConnection {
 public:
  // The reply's "result" object, or Error{ErrorKind::browser_failed, <the reply's error message>}.
  using Reply = std::function<void(Result<nlohmann::json>)>;
  // method, params, sessionId ("" for the browser's own events).
  using EventHandler = std::function<void(const std::string& method,
                                          const nlohmann::json& params,
                                          const std::string& session_id)>;

  explicit DevToolsConnection(DevToolsPipe& pipe) : pipe_(pipe) {}

  // Queues a command. `owner` groups commands so forget() can drop their callbacks; `reply`
  // may be empty when the answer does not matter. Text that is not valid UTF-8 is sent with
  // U+FFFD in its place.
  void call(std::string_view method, nlohmann::json params, const std::string& session_id,
            int owner, Reply reply = {});
  // Drops the callbacks of `owner`'s commands still unanswered: their replies are ignored.
  void forget(int owner);

  // Reads what has arrived and dispatches it (replies to their callbacks, events to
  // on_event). Error "browser_failed" when the pipe is closed or broken.
  std::optional<Error> read(const EventHandler& on_event);
  std::optional<Error> write() { return pipe_.flush(); }
  bool wants_write() const { return pipe_.wants_write(); }
  int read_fd() const { return pipe_.read_fd(); }
  int write_fd() const { return pipe_.write_fd(); }

  // Messages that could not be used: over the size limit, or not JSON.
  std::size_t unreadable() const { return pipe_.dropped() + unparsable_; }

 private:
  struct Pending {
    int owner;
    Reply reply;
  };
  void dispatch(const nlohmann::json& message, const EventHandler& on_event);

  DevToolsPipe& pipe_;
  int next_id_ = 1;
  std::map<int, Pending> pending_;
  std::size_t unparsable_ = 0;
};

// Replaces \uXXXX escapes of lone UTF-16 surrogates with \uFFFD in a JSON text. Chromium
// serializes JavaScript strings as they are, and a page's string may hold half a surrogate
// pair, which strict JSON parsers (nlohmann's) refuse. Returns whether anything changed.
bool repair_lone_surrogates(std::string& json_text);

}  // namespace tosdiff
