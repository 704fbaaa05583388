//! Clock-offset maths against OKX server time. (Being built: issue 6.)
