//! The diagnosis engine: finds every OKX error in pasted text. (Being built: issue 3.)
