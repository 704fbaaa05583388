//! `okx-doctor lookup`. (Being built.)

pub fn run(_args: &[String]) -> i32 {
    eprintln!("okx-doctor lookup: not implemented yet");
    2
}
