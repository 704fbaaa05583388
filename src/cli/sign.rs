//! `okx-doctor sign`. (Being built.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("okx-doctor sign: not implemented yet");
    2
}
