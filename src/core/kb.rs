//! The knowledge base: causes, fixes and snippets per category and code. (Being built: issue 4.)
