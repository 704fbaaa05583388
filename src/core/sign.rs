//! OKX request signing and credential lint. (Being built: issue 8.)
