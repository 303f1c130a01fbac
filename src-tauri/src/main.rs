//! `rapport-desktop [--data-dir DIR] [FILE.rapport]`

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use rapport_desktop::launch::{LaunchArgs, USAGE};

fn main() -> std::process::ExitCode {
    let args = match LaunchArgs::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("rapport-desktop: {message}");
            }
            eprintln!("{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    match rapport_desktop::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapport-desktop: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
