//! The command line's commands (binary only: the library does not see this
//! module). `main.rs` parses the arguments and calls one of them.

pub(crate) mod chat;
pub(crate) mod check;
pub(crate) mod eval;
pub(crate) mod regles;
pub(crate) mod serve;
