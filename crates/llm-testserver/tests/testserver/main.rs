//! The test server speaks the wire protocol a real client expects.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::time::Duration;

use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use serde_json::{Value, json};

async fn post(server: &TestServer, body: Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(format!("{}/chat/completions", server.base_url()))
        .bearer_auth("sk-test")
        .json(&body)
        .timeout(Duration::from_secs(2))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn scripted_replies_come_in_order_with_usage_details() {
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::tool_call("lookup_applications", &json!({"company": "Acme"})),
        Reply::json(&json!({"category": "offer"})).with_usage(Usage::new(500, 400, 60, 30)),
    ]);
    let first: Value = post(&server, json!({"model": "gpt-4o-mini", "messages": []}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["choices"][0]["finish_reason"], "tool_calls");
    assert_eq!(
        first["choices"][0]["message"]["tool_calls"][0]["function"]["name"],
        "lookup_applications"
    );
    let second: Value = post(&server, json!({"model": "gpt-4o-mini", "messages": []}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        second["choices"][0]["message"]["content"],
        "{\"category\":\"offer\"}"
    );
    assert_eq!(
        second["usage"]["prompt_tokens_details"]["cached_tokens"],
        400
    );
    assert_eq!(
        second["usage"]["completion_tokens_details"]["reasoning_tokens"],
        30
    );
    assert_eq!(second["model"], "gpt-4o-mini", "the model is echoed");
    let got = server.received();
    assert_eq!(got.len(), 2, "every request is recorded");
    assert_eq!(got[0].authorization.as_deref(), Some("Bearer sk-test"));
}

#[tokio::test]
async fn faults_look_like_a_real_provider() {
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::RateLimited {
            retry_after: Some("7".into()),
        },
        Reply::Status {
            status: 503,
            message: "overloaded".into(),
        },
        Reply::Unauthorized,
        Reply::ContextLength,
        Reply::MalformedJson,
    ]);
    let r = post(&server, json!({})).await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
    assert_eq!(post(&server, json!({})).await.status(), 503);
    assert_eq!(post(&server, json!({})).await.status(), 401);
    let r = post(&server, json!({})).await;
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "context_length_exceeded");
    let r = post(&server, json!({})).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.json::<Value>().await.is_err(),
        "the body is not valid JSON"
    );
    assert_eq!(
        post(&server, json!({})).await.status(),
        500,
        "an empty script says so with a 500"
    );
}

#[tokio::test]
async fn slow_and_hung_replies_hold_the_connection() {
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::Slow {
            delay: Duration::from_millis(300),
            then: Box::new(Reply::content("late")),
        },
        Reply::Hang,
    ]);
    let started = std::time::Instant::now();
    assert_eq!(post(&server, json!({})).await.status(), 200);
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the delay is real"
    );
    let hung = reqwest::Client::new()
        .post(format!("{}/chat/completions", server.base_url()))
        .json(&json!({}))
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(
        hung.unwrap_err().is_timeout(),
        "a hung reply times the client out"
    );
}

#[tokio::test]
async fn streams_end_with_a_usage_chunk_or_are_cut() {
    let server = TestServer::start().await.unwrap();
    server.script([
        Reply::content("Hello from the stream").with_usage(Usage::new(10, 0, 5, 0)),
        Reply::CutStream { text: "Hel".into() },
    ]);
    let text = post(&server, json!({"stream": true}))
        .await
        .text()
        .await
        .unwrap();
    let events: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .collect();
    assert_eq!(events.last(), Some(&"[DONE]"));
    let content: String = events
        .iter()
        .filter_map(|e| serde_json::from_str::<Value>(e).ok())
        .filter_map(|v| {
            v["choices"][0]["delta"]["content"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(
        content, "Hello from the stream",
        "the chunks add up to the text"
    );
    let usage: Value = serde_json::from_str(events[events.len() - 2]).unwrap();
    assert_eq!(
        usage["usage"]["completion_tokens"], 5,
        "the last chunk before [DONE] carries usage"
    );
    let cut = post(&server, json!({"stream": true})).await;
    assert_eq!(cut.status(), 200, "the stream starts well");
    assert!(cut.text().await.is_err(), "then the body read fails");
}

#[tokio::test]
async fn any_reply_carries_the_headers_it_is_given() {
    let server = TestServer::start().await.unwrap();
    let statuses = [429, 500, 502, 503, 504, 529];
    server.script(statuses.map(|s| {
        Reply::status(s, "overloaded")
            .with_header("Retry-After", "1.5")
            .with_header("retry-after-ms", "1500")
    }));
    server.script([
        Reply::RateLimited {
            retry_after: Some("7".into()),
        }
        .with_header("Retry-After", "9"),
        Reply::Slow {
            delay: Duration::from_millis(10),
            then: Box::new(Reply::content("late").with_header("x-request-id", "req_1")),
        },
        Reply::content("fine")
            .with_header("x-request-id", "req_2")
            .with_usage(Usage::new(3, 0, 2, 0)),
        Reply::status(503, "overloaded").with_header("bad header", "1"),
    ]);
    for status in statuses {
        let r = post(&server, json!({})).await;
        assert_eq!(r.status(), status);
        assert_eq!(
            (&r.headers()["retry-after"], &r.headers()["retry-after-ms"]),
            (&"1.5".parse().unwrap(), &"1500".parse().unwrap()),
            "HTTP {status} carries both headers"
        );
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body["error"]["message"], "overloaded",
            "the body is as before"
        );
    }
    let r = post(&server, json!({})).await;
    assert_eq!(
        r.headers()["retry-after"],
        "9",
        "a header given replaces the reply's own"
    );
    let r = post(&server, json!({})).await;
    assert_eq!(
        r.headers()["x-request-id"],
        "req_1",
        "through a slow reply too"
    );
    let r = post(&server, json!({})).await;
    assert_eq!(r.headers()["x-request-id"], "req_2");
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["usage"]["prompt_tokens"], 3,
        "usage reaches the reply inside"
    );
    let r = post(&server, json!({})).await;
    assert_eq!(
        r.status(),
        503,
        "a header HTTP refuses is left out, not fatal"
    );
}
