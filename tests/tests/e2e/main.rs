//! End-to-end tests on real `sharechain-node` processes.
//!
//! One test binary, run with `--test-threads=1` by `scripts/test`: the nodes of one test
//! get the machine's cores to themselves.

mod contracts;
mod credit;
mod data_access;
mod dev_node;
mod restart;
mod testnet;
mod validators;
mod voting;
