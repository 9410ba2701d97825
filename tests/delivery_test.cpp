// Webhook bodies and posts, email composition and SMTP sending, against receivers on
// 127.0.0.1 started by the tests.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_test_server.hpp"
#include "support/records.hpp"
#include "support/smtp_test_server.hpp"
#include "tosdiff/report/record_json.hpp"
#include "tosdiff/notify/email_channel.hpp"
#include "tosdiff/notify/webhook_channel.hpp"
#include "tosdiff/report/mail_message.hpp"
#include "tosdiff/report/webhook_payload.hpp"
#include "tosdiff/util/base64.hpp"
#include "tosdiff/util/url.hpp"

namespace tosdiff {
namespace {

using json = nlohmann::json;
using namespace std::string_literals;
using testing::changed_record;

// ---- webhook ------------------------------------------------------------------------------

TEST(WebhookBody, JsonIsTheRecordItself) {
  const ChangeRecord r = changed_record("openai", "terms-of-service");
  const json body = json::parse(webhook_body(r, "json"));
  EXPECT_EQ(body, json::parse(record_to_json_line(r)));
  EXPECT_EQ(body["severity"], "major");
}

TEST(WebhookBody, SlackIsATextMessageWithEscapedPageText) {
  ChangeRecord r = changed_record("openai", "terms-of-service", "# T\nWe keep data for a year.\n",
                                 "# T\nWe keep data <b>forever</b> & share it with partners.\n");
  const json body = json::parse(webhook_body(r, "slack"));
  ASSERT_TRUE(body.contains("text"));
  EXPECT_EQ(body.size(), 1u);
  const std::string text = body["text"];
  EXPECT_NE(text.find("Example Platform \u2014 Terms of Service changed"), std::string::npos) << text;
  EXPECT_NE(text.find("&lt;b&gt;forever&lt;/b&gt; &amp;"), std::string::npos) << text;
  EXPECT_EQ(text.find("<b>"), std::string::npos);
  EXPECT_NE(text.find("<https://example.com/terms-of-service|Read the document>"), std::string::npos);
}

TEST(WebhookBody, TeamsIsAMessageCard) {
  const ChangeRecord r = changed_record("openai", "terms-of-service");
  const json card = json::parse(webhook_body(r, "teams"));
  EXPECT_EQ(card["@type"], "MessageCard");
  EXPECT_EQ(card["themeColor"], "B91C1C");
  EXPECT_NE(card["title"].get<std::string>().find("[MAJOR]"), std::string::npos);
  EXPECT_EQ(card["potentialAction"][0]["targets"][0]["uri"], "https://example.com/terms-of-service");
  bool severity = false;
  for (const auto& fact : card["sections"][0]["facts"]) severity = severity || fact["name"] == "Severity";
  EXPECT_TRUE(severity);
  EXPECT_NE(card["sections"][0]["text"].get<std::string>().find("<ins>"), std::string::npos);
}

TEST(Webhook, PostsJsonAndRetriesA5xx) {
  testing::HttpTestServer server;
  int calls = 0;
  server.set("/hook", [&calls](const testing::HttpRequest&) {
    testing::HttpReply reply;
    reply.status = ++calls == 1 ? 503 : 204;
    return reply;
  });
  WebhookOptions options;
  options.retries = 2;
  options.backoff_seconds = 0.05;
  Result<long> r = post_webhook(server.url("/hook"), "{\"a\":1}", options);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), 204);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].method, "POST");
  EXPECT_EQ(requests[1].header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(requests[1].body, "{\"a\":1}");
}

TEST(Webhook, A4xxIsNotRetriedAndSaysWhatTheServerAnswered) {
  testing::HttpTestServer server;
  testing::HttpReply gone;
  gone.status = 404;
  gone.body = "no such hook\n";
  server.set("/hook", gone);
  WebhookOptions options;
  options.backoff_seconds = 0.05;
  Result<long> r = post_webhook(server.url("/hook"), "{}", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "HTTP 404: no such hook");
  EXPECT_EQ(server.hits("/hook"), 1);
  testing::HttpReply error;
  error.status = 500;
  server.set("/hook", error);
  Result<long> five = post_webhook(server.url("/hook"), "{}", options);
  EXPECT_FALSE(five.ok());
  EXPECT_EQ(server.hits("/hook"), 1 + 1 + 3);  // 3 retries by default
}

TEST(Webhook, ANetworkFailureIsAnError) {
  WebhookOptions options;
  options.retries = 0;
  Result<long> r = post_webhook("http://127.0.0.1:" + std::to_string(testing::unused_local_port()) + "/", "{}", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::webhook);
}

TEST(Webhook, RedactedUrlKeepsOnlyTheHost) {
  EXPECT_EQ(redacted_url("https://hooks.slack.com/services/T/B/secret"), "https://hooks.slack.com/...");
  EXPECT_EQ(redacted_url("https://user:pw@example.com:8443/x?token=1"), "https://example.com:8443/...");
  EXPECT_EQ(redacted_url("http://127.0.0.1:9"), "http://127.0.0.1:9/");
}

// ---- email ---------------------------------------------------------------------------------

std::string decode_quoted_printable(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n') {
      i += 2;
    } else if (in[i] == '=' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (in[i] == '\r') {
    } else {
      out += in[i];
    }
  }
  return out;
}

TEST(Mail, QuotedPrintableRoundTripsAndKeepsLinesShort) {
  std::string text = "Caf\xC3\xA9 = 3 \xE2\x82\xAC\n.starts with a dot\nFrom here\ntrailing space \n" + std::string(200, 'a') + "\n";
  const std::string qp = quoted_printable(text);
  EXPECT_EQ(decode_quoted_printable(qp), text);
  std::size_t start = 0;
  while (start < qp.size()) {
    const auto end = qp.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 76u);
    const std::string line = qp.substr(start, end - start);
    EXPECT_NE(line.front(), '.');
    EXPECT_NE(line.rfind("From ", 0), 0u);
    EXPECT_NE(line.back(), ' ');
    for (char c : line) EXPECT_TRUE(c >= 0x20 && c < 0x7f);
    start = end + 2;
  }
  EXPECT_NE(qp.find("Caf=C3=A9 =3D 3 =E2=82=AC"), std::string::npos) << qp;
  EXPECT_NE(qp.find("trailing space=20"), std::string::npos);
}

TEST(Mail, HeadersAndBase64) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("\0user\0pw"s), "AHVzZXIAcHc=");
  EXPECT_EQ(encode_header_value("plain ASCII"), "plain ASCII");
  EXPECT_EQ(encode_header_value("Caf\xC3\xA9"), "=?UTF-8?B?Q2Fmw6k=?=");
  EXPECT_EQ(rfc5322_date(std::chrono::system_clock::from_time_t(0)), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(mail_address("tosdiff <tos@example.com>"), "tos@example.com");
  EXPECT_EQ(mail_address(" tos@example.com "), "tos@example.com");
  EXPECT_TRUE(valid_mail_address("a.b+c@example.co.uk"));
  EXPECT_FALSE(valid_mail_address("a@b@c"));
  EXPECT_FALSE(valid_mail_address("a b@c"));
  EXPECT_FALSE(valid_mail_address("a@b\r\nRCPT TO:<x@y>"));
  EXPECT_FALSE(valid_mail_address("@b"));
  EXPECT_TRUE(is_loopback_url("smtp://127.0.0.1:2525"));
  EXPECT_TRUE(is_loopback_url("smtp://user@localhost"));
  EXPECT_FALSE(is_loopback_url("smtp://127.0.0.1.example.com"));
  EXPECT_FALSE(is_loopback_url("smtp://example.com/127.0.0.1"));
}

TEST(Mail, ComposesAMultipartAlternativeMessage) {
  MailMessage m;
  m.from = "Policy Watch <tos@example.com>";
  m.to = {"a@example.com", "b@example.com"};
  m.subject = "tosdiff: 1 substantive change (max severity major)";
  m.text = "Plain \xE2\x80\x94 text\n";
  m.html = "<p>HTML</p>\n";
  const std::string mime = compose_mail(m, std::chrono::system_clock::from_time_t(1796212800), "20261201T000000Z.1.ab");
  EXPECT_NE(mime.find("From: \"Policy Watch\" <tos@example.com>\r\n"), std::string::npos) << mime;
  EXPECT_NE(mime.find("To: a@example.com,\r\n b@example.com\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Subject: tosdiff: 1 substantive change (max severity major)\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Message-ID: <20261201T000000Z.1.ab@example.com>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Date: "), std::string::npos);
  EXPECT_NE(mime.find("Content-Type: multipart/alternative; boundary=\"=_tosdiff_20261201T000000Z.1.ab\""), std::string::npos);
  EXPECT_NE(mime.find("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nPlain =E2=80=94 text"),
            std::string::npos);
  EXPECT_NE(mime.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
  EXPECT_NE(mime.find("\r\n--=_tosdiff_20261201T000000Z.1.ab--\r\n"), std::string::npos);
  // No bare LF, no line over 998 bytes.
  for (std::size_t i = 0; i < mime.size(); ++i)
    if (mime[i] == '\n') {
      EXPECT_EQ(mime[i - 1], '\r') << i;
    }
}

TEST(Mail, SendsThroughSmtpWithAuthentication) {
  testing::SmtpTestServer server;
  SmtpSettings smtp;
  smtp.url = server.url();
  smtp.starttls = false;
  smtp.from = "tosdiff <tos@example.com>";
  smtp.username = "user";
  smtp.password = "s3cret";
  smtp.timeout_seconds = 10;
  MailMessage m{smtp.from, {"a@example.com", "b@example.com"}, "subject", "text\n.dot line\n", "<p>html</p>\n"};
  const std::string mime = compose_mail(m, std::chrono::system_clock::now(), "u1");
  Result<std::string> sent = send_mail(smtp, m.to, mime);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  EXPECT_EQ(sent.value(), "SMTP 250");
  const auto messages = server.messages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].mail_from, "tos@example.com");
  EXPECT_EQ(messages[0].rcpt_to, (std::vector<std::string>{"a@example.com", "b@example.com"}));
  EXPECT_EQ(messages[0].auth_user, "user");
  EXPECT_EQ(messages[0].auth_password, "s3cret");
  EXPECT_EQ(messages[0].data, mime);
}

TEST(Mail, StarttlsIsRequiredUnlessTurnedOff) {
  testing::SmtpTestServer server;  // offers no STARTTLS
  SmtpSettings smtp;
  smtp.url = server.url();
  smtp.from = "tos@example.com";
  smtp.timeout_seconds = 10;
  Result<std::string> sent = send_mail(smtp, {"a@example.com"}, compose_mail({smtp.from, {"a@example.com"}, "s", "t", "h"},
                                                                              std::chrono::system_clock::now(), "u2"));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().kind, ErrorKind::email);
  EXPECT_TRUE(server.messages().empty());
}

TEST(Mail, ARefusedMessageIsAnError) {
  testing::SmtpTestServer server;
  server.set_data_reply(451);
  SmtpSettings smtp;
  smtp.url = server.url();
  smtp.starttls = false;
  smtp.from = "tos@example.com";
  Result<std::string> sent = send_mail(smtp, {"a@example.com"}, compose_mail({smtp.from, {"a@example.com"}, "s", "t", "h"},
                                                                              std::chrono::system_clock::now(), "u3"));
  ASSERT_FALSE(sent.ok());
  EXPECT_NE(sent.error().message.find("451"), std::string::npos) << sent.error().message;
}

}  // namespace
}  // namespace tosdiff
