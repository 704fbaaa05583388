//! The wizard's decision trees. (Being built: issue 5.)
