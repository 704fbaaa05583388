//! `okx-doctor clock`. (Being built.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("okx-doctor clock: not implemented yet");
    2
}
