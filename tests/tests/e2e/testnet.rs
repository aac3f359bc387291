//! A local testnet of four validators: finality survives the loss of one, and the lost one
//! catches up when it comes back.

use anyhow::Context;
use sharechain_e2e::*;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(240);
const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// The libp2p peer id of the node key in `key_file`.
fn peer_id(key_file: &std::path::Path) -> anyhow::Result<String> {
	let out = std::process::Command::new(node_binary()?)
		.args(["key", "inspect-node-key", "--file"])
		.arg(key_file)
		.output()?;
	anyhow::ensure!(out.status.success(), "inspect-node-key failed: {out:?}");
	Ok(String::from_utf8(out.stdout)?.trim().to_string())
}

#[tokio::test]
async fn four_validators_finalize_and_survive_one_crash() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-testnet")?;

	// Fixed node keys (validators of a non-dev chain must have one); Alice's lets the others
	// bootstrap from her.
	let mut key_files = Vec::new();
	for (i, name) in VALIDATORS.iter().enumerate() {
		let key_file = dir.path().join(format!("{name}-node-key"));
		std::fs::write(&key_file, format!("{:064x}", i + 1))?;
		key_files.push(key_file);
	}
	let alice_peer = peer_id(&key_files[0])?;
	let alice_ports = Ports::free()?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", alice_ports.p2p);

	let mut nodes = Vec::new();
	for (name, key_file) in VALIDATORS.iter().zip(&key_files) {
		let mut args = vec!["--chain".into(), "local".into(), format!("--{name}")];
		args.push("--node-key-file".into());
		args.push(key_file.display().to_string());
		let ports = if *name == "alice" {
			alice_ports
		} else {
			args.push("--bootnodes".into());
			args.push(bootnode.clone());
			Ports::free()?
		};
		nodes.push(Node::start(NodeConfig {
			name: (*name).into(),
			args,
			base_path: dir.path().join(name),
			ports,
		})?);
	}

	let mut clients = Vec::new();
	for node in &nodes {
		clients.push(Client::connect(&node.ws_url(), TIMEOUT).await?);
	}

	// All four connect to each other and finalize.
	for client in &clients {
		client.wait_peers(3, TIMEOUT).await?;
	}
	let (f0, _) = clients[0].wait_finalized(3, TIMEOUT).await.context("4 validators finalize")?;
	for client in &clients[1..] {
		client.wait_finalized(f0, TIMEOUT).await?;
	}

	// Crash Dave. Three of four validators are a GRANDPA supermajority: finality continues.
	nodes[3].kill()?;
	let (after_kill, _) = clients[0].finalized().await?;
	let (f1, f1_hash) = clients[0]
		.wait_finalized(after_kill + 3, TIMEOUT)
		.await
		.context("finality with 3 of 4 validators")?;
	for client in &clients[1..3] {
		client.wait_finalized(f1, TIMEOUT).await?;
		let same = client.legacy.chain_get_block_hash(Some(f1.into())).await?;
		assert_eq!(same, Some(f1_hash), "validators disagree on finalized block #{f1}");
	}

	// Dave comes back and catches up with the finalized head of the others.
	nodes[3].restart()?;
	let dave = Client::connect(&nodes[3].ws_url(), TIMEOUT).await?;
	let (target, _) = clients[0].finalized().await?;
	let (dave_final, _) = dave.wait_finalized(target, TIMEOUT).await.context("dave catches up")?;
	assert!(dave_final >= target);
	let dave_hash = dave.legacy.chain_get_block_hash(Some(f1.into())).await?;
	assert_eq!(dave_hash, Some(f1_hash), "dave is on a different chain");
	Ok(())
}
