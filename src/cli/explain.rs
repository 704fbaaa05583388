//! `okx-doctor explain`. (Being built.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("okx-doctor explain: not implemented yet");
    2
}
