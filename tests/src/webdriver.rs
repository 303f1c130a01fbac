//! A minimal W3C WebDriver client: sessions, element lookup, clicks, typing, scripts,
//! screenshots. Just enough for tauri-driver, with explicit polling waits.

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

/// The element reference key of the W3C protocol.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// W3C WebDriver code points of special keys, for [`Session::send_keys`].
pub mod keys {
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const CONTROL: &str = "\u{E009}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_UP: &str = "\u{E013}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const DELETE: &str = "\u{E017}";
}

/// How long waits poll before giving up.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(15);

#[derive(Debug)]
pub struct WebDriverError(pub String);

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WebDriverError {}

pub type Result<T> = std::result::Result<T, WebDriverError>;

/// A WebDriver session: one running app window. Dropping it deletes the session,
/// which closes the app.
#[derive(Debug)]
pub struct Session {
    base: String,
    id: String,
}

/// An element found in the page.
#[derive(Debug, Clone)]
pub struct Element {
    pub id: String,
}

fn request(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(60));
    let response = match body {
        Some(body) => req.send_json(body),
        None => req.call(),
    };
    let value: Value = match response {
        Ok(r) => r
            .into_json()
            .map_err(|e| WebDriverError(format!("{method} {url}: bad JSON: {e}")))?,
        Err(ureq::Error::Status(code, r)) => {
            let text = r.into_string().unwrap_or_default();
            return Err(WebDriverError(format!(
                "{method} {url}: HTTP {code}: {text}"
            )));
        }
        Err(e) => return Err(WebDriverError(format!("{method} {url}: {e}"))),
    };
    Ok(value.get("value").cloned().unwrap_or(Value::Null))
}

impl Session {
    /// Starts the app at `application` with `args` through the driver at `base`.
    pub fn start(base: &str, application: &Path, args: &[String]) -> Result<Self> {
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "wry",
                    "tauri:options": {
                        "application": application.to_string_lossy(),
                        "args": args,
                    }
                }
            }
        });
        let value = request("POST", &format!("{base}/session"), Some(caps))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| WebDriverError(format!("no session id in {value}")))?
            .to_string();
        Ok(Session {
            base: base.to_string(),
            id,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{}", self.base, self.id, path)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value> {
        request("POST", &self.url(path), Some(body))
    }

    fn get(&self, path: &str) -> Result<Value> {
        request("GET", &self.url(path), None)
    }

    pub fn title(&self) -> Result<String> {
        Ok(self.get("/title")?.as_str().unwrap_or_default().to_string())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Every element matching a CSS selector, right now.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let value = self.post(
            "/elements",
            json!({ "using": "css selector", "value": css }),
        )?;
        Ok(value
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str())
                    .map(|id| Element { id: id.to_string() })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Polls until `check` returns `Some`, or fails with `what` after the timeout.
    pub fn wait_for<T>(
        &self,
        what: &str,
        mut check: impl FnMut() -> Result<Option<T>>,
    ) -> Result<T> {
        let deadline = Instant::now() + DEFAULT_WAIT;
        loop {
            if let Ok(Some(value)) = check() {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(WebDriverError(format!("timed out waiting for {what}")));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the first element matching `css`.
    pub fn find(&self, css: &str) -> Result<Element> {
        self.wait_for(css, || Ok(self.find_all(css)?.into_iter().next()))
    }

    /// Waits until exactly `n` elements match `css`.
    pub fn wait_count(&self, css: &str, n: usize) -> Result<Vec<Element>> {
        self.wait_for(&format!("{n} × {css}"), || {
            let found = self.find_all(css)?;
            Ok((found.len() == n).then_some(found))
        })
    }

    /// Waits for an element matching `css` whose text contains `text`.
    pub fn find_with_text(&self, css: &str, text: &str) -> Result<Element> {
        self.wait_for(&format!("{css} containing {text:?}"), || {
            for e in self.find_all(css)? {
                if self.text(&e)?.contains(text) {
                    return Ok(Some(e));
                }
            }
            Ok(None)
        })
    }

    pub fn click(&self, e: &Element) -> Result<()> {
        self.post(&format!("/element/{}/click", e.id), json!({}))?;
        Ok(())
    }

    /// Clicks the first element matching `css` (waiting for it).
    pub fn click_css(&self, css: &str) -> Result<()> {
        let e = self.find(css)?;
        self.click(&e)
    }

    pub fn text(&self, e: &Element) -> Result<String> {
        Ok(self
            .get(&format!("/element/{}/text", e.id))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    /// Types `text` into an element (focusing it first), as the keyboard would. Special
    /// keys are the W3C code points: [`keys::ARROW_RIGHT`], [`keys::ENTER`], …
    pub fn send_keys(&self, e: &Element, text: &str) -> Result<()> {
        self.post(&format!("/element/{}/value", e.id), json!({ "text": text }))?;
        Ok(())
    }

    /// Runs a W3C action sequence (`{"actions": [...]}`): key chords, pointer gestures.
    pub fn perform_actions(&self, actions: Value) -> Result<()> {
        self.post("/actions", actions)?;
        Ok(())
    }

    /// Releases every key and button an action sequence left pressed.
    pub fn release_actions(&self) -> Result<()> {
        request("DELETE", &self.url("/actions"), None)?;
        Ok(())
    }

    /// Presses `key` with Ctrl held, on whatever has the focus.
    pub fn ctrl_key(&self, key: &str) -> Result<()> {
        self.perform_actions(json!({ "actions": [{
            "type": "key",
            "id": "keyboard",
            "actions": [
                { "type": "keyDown", "value": keys::CONTROL },
                { "type": "keyDown", "value": key },
                { "type": "keyUp", "value": key },
                { "type": "keyUp", "value": keys::CONTROL },
            ],
        }] }))?;
        self.release_actions()
    }

    /// Moves the mouse to a window point (CSS pixels, relative to the viewport): hover.
    pub fn pointer_move(&self, x: f64, y: f64) -> Result<()> {
        self.perform_actions(json!({ "actions": [{
            "type": "pointer",
            "id": "mouse",
            "parameters": { "pointerType": "mouse" },
            "actions": [{ "type": "pointerMove", "duration": 0, "origin": "viewport",
                          "x": x.round() as i64, "y": y.round() as i64 }],
        }] }))
    }

    /// A mouse drag with the left button from one window point to another (CSS pixels,
    /// relative to the viewport), moving in `steps` so that move handlers see a path.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64), steps: u32) -> Result<()> {
        let steps = steps.max(1);
        let mut moves = vec![
            json!({ "type": "pointerMove", "duration": 0, "origin": "viewport",
                    "x": from.0.round() as i64, "y": from.1.round() as i64 }),
            json!({ "type": "pointerDown", "button": 0 }),
        ];
        for i in 1..=steps {
            let f = f64::from(i) / f64::from(steps);
            moves.push(json!({
                "type": "pointerMove", "duration": 60, "origin": "viewport",
                "x": (from.0 + (to.0 - from.0) * f).round() as i64,
                "y": (from.1 + (to.1 - from.1) * f).round() as i64,
            }));
        }
        moves.push(json!({ "type": "pointerUp", "button": 0 }));
        self.perform_actions(json!({ "actions": [{
            "type": "pointer",
            "id": "mouse",
            "parameters": { "pointerType": "mouse" },
            "actions": moves,
        }] }))?;
        self.release_actions()
    }

    /// The text of an open `alert`/`confirm`/`prompt`, or `None` when there is none.
    pub fn alert_text(&self) -> Result<Option<String>> {
        match self.get("/alert/text") {
            Ok(v) => Ok(Some(v.as_str().unwrap_or_default().to_string())),
            Err(e) if e.0.contains("no such alert") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Replaces a text field's content by typing `value`.
    pub fn fill(&self, css: &str, value: &str) -> Result<()> {
        let e = self.find(css)?;
        self.post(&format!("/element/{}/clear", e.id), json!({}))?;
        if value.is_empty() {
            // WebKitWebDriver refuses an empty text ("Missing text parameter"), and its
            // clear fires no `input` event: send one, so bound state sees the field empty.
            self.execute(
                "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!({ ELEMENT_KEY: e.id })],
            )?;
        } else {
            self.post(
                &format!("/element/{}/value", e.id),
                json!({ "text": value }),
            )?;
        }
        Ok(())
    }

    /// Chooses the option of a `<select>` whose text is `label`, as a user would, and
    /// fires the change event the UI listens to.
    pub fn select_by_text(&self, css: &str, label: &str) -> Result<()> {
        self.find(css)?;
        let done = self.execute(
            "const s = document.querySelector(arguments[0]);
             const o = [...s.options].find(o => o.text.trim() === arguments[1]);
             if (!o) return false;
             s.value = o.value;
             s.dispatchEvent(new Event('input', { bubbles: true }));
             s.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![json!(css), json!(label)],
        )?;
        if done == Value::Bool(true) {
            Ok(())
        } else {
            Err(WebDriverError(format!("no option {label:?} in {css}")))
        }
    }

    /// Chooses the option of a `<select>` whose value is `value` (labels change with
    /// the language and with copy edits; values do not), firing the events the UI
    /// listens to.
    pub fn select_by_value(&self, css: &str, value: &str) -> Result<()> {
        self.find(css)?;
        let done = self.execute(
            "const s = document.querySelector(arguments[0]);
             if (![...s.options].some(o => o.value === arguments[1])) return false;
             s.value = arguments[1];
             s.dispatchEvent(new Event('input', { bubbles: true }));
             s.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![json!(css), json!(value)],
        )?;
        if done == Value::Bool(true) {
            Ok(())
        } else {
            Err(WebDriverError(format!(
                "no option of value {value:?} in {css}"
            )))
        }
    }

    /// Saves a PNG screenshot of the window.
    pub fn screenshot(&self, path: &Path) -> Result<()> {
        let data = self.get("/screenshot")?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .map_err(|e| WebDriverError(format!("screenshot: {e}")))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| WebDriverError(e.to_string()))?;
        }
        std::fs::write(path, bytes).map_err(|e| WebDriverError(e.to_string()))
    }
}

/// Saves a screenshot of the window to `path` if it is dropped before [`Self::passed`]:
/// when a test returns an error early or panics on an assertion.
#[derive(Debug)]
#[must_use = "keep the guard alive until the test's end, then call passed()"]
pub struct ShotOnFailure<'a> {
    session: &'a Session,
    path: std::path::PathBuf,
    armed: bool,
}

impl<'a> ShotOnFailure<'a> {
    pub fn new(session: &'a Session, path: std::path::PathBuf) -> Self {
        ShotOnFailure {
            session,
            path,
            armed: true,
        }
    }

    /// The test got this far: no screenshot.
    pub fn passed(mut self) {
        self.armed = false;
    }
}

impl Drop for ShotOnFailure<'_> {
    fn drop(&mut self) {
        if self.armed {
            match self.session.screenshot(&self.path) {
                Ok(()) => eprintln!("failed: screenshot in {}", self.path.display()),
                Err(e) => eprintln!("failed: no screenshot: {e}"),
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = request(
            "DELETE",
            &format!("{}/session/{}", self.base, self.id),
            None,
        );
    }
}
