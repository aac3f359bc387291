//! End-to-end test harness for Sharechain.
//!
//! Tests start real `sharechain-node` processes ([`node::Node`]) on free loopback ports with
//! temporary base paths, and drive them over JSON-RPC with [`subxt`] (dynamic API: nothing is
//! generated at compile time, so the tests always use the metadata of the node under test).
//! Nodes are killed when their [`node::Node`] value is dropped, even when a test fails.

pub mod chain;
pub mod contracts;
pub mod node;

pub use chain::*;
pub use node::*;
