//! The IPC test harness: the real command handler on Tauri's mock runtime, a real
//! workspace file, and real IPC requests.

#![allow(dead_code)]

use rapport_desktop::launch::LaunchArgs;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};

pub struct Harness {
    pub _dir: tempfile::TempDir,
    pub path: std::path::PathBuf,
    pub window: WebviewWindow<MockRuntime>,
    pub _app: tauri::App<MockRuntime>,
}

/// An app on a fresh workspace file.
pub fn harness() -> Harness {
    harness_with(|_| {})
}

/// An app on a workspace file prepared by `prepare` (given its path) before the app
/// opens it.
pub fn harness_with(prepare: impl FnOnce(&std::path::Path)) -> Harness {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ipc.rapport");
    prepare(&path);
    let state = rapport_desktop::initial_state(&LaunchArgs {
        data_dir: Some(dir.path().join("data")),
        file: Some(path.clone()),
    });
    let builder = rapport_desktop::rapport_builder!(MockRuntime);
    let app = mock_builder()
        .manage(state)
        .invoke_handler(builder.invoke_handler())
        .build(mock_context(noop_assets()))
        .expect("mock app");
    builder.mount_events(&app);
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    Harness {
        _dir: dir,
        path,
        window,
        _app: app,
    }
}

/// Invokes `cmd` with the JSON body `args`, as the webview would.
pub fn call(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    let response = tauri::test::get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    );
    response.map(|body| body.deserialize::<Value>().expect("json body"))
}
