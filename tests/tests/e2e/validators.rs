//! The validator set chosen by vote, on the 4-validator local testnet plus a fifth node: a
//! `validators` referendum adds Eve, whose node registers keys it generated itself
//! (`author_rotateKeysWithOwner` + `Session::set_keys`); another removes Dave. After the
//! session changes Eve authors blocks and votes in GRANDPA (finality goes on with Dave and
//! Charlie killed, which needs Eve's vote), Dave authors no more, and finality never stops.

use anyhow::{bail, Context};
use serde_json::Value as Json;
use sharechain_e2e::*;
use std::time::{Duration, Instant};
use subxt::{
	dynamic::{At, Value},
	rpcs::rpc_params,
};
use subxt_signer::sr25519::dev;

const TIMEOUT: Duration = Duration::from_secs(300);
const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// The `validators` track.
const VALIDATORS_TRACK: u16 = 2;
/// The testnet's session length, in blocks.
const SESSION: u64 = 10;
/// What a node logs for each block it authors.
const AUTHORED: &str = "Pre-sealed block for proposal";

/// The libp2p peer id of the node key in `key_file`.
fn peer_id(key_file: &std::path::Path) -> anyhow::Result<String> {
	let out = std::process::Command::new(node_binary()?)
		.args(["key", "inspect-node-key", "--file"])
		.arg(key_file)
		.output()?;
	anyhow::ensure!(out.status.success(), "inspect-node-key failed: {out:?}");
	Ok(String::from_utf8(out.stdout)?.trim().to_string())
}

/// How many blocks `node` has authored so far.
fn authored(node: &Node) -> usize {
	node.log_tail(usize::MAX).matches(AUTHORED).count()
}

fn percent(p: u32) -> Value {
	Value::u128(u128::from(p) * 10_000_000)
}

/// A referendum on the `validators` track carrying `call`, voting from `start` for 10 blocks
/// at the track's bar (20% turnout, 66% approval).
fn referendum(
	title: &str,
	start: u64,
	call: Value,
) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	subxt::dynamic::tx(
		"Voting",
		"create_poll",
		vec![
			Value::from_bytes(title.as_bytes()),
			Value::from_bytes([5u8; 32]),
			Value::unnamed_composite([Value::from_bytes(b"aye"), Value::from_bytes(b"nay")]),
			Value::unnamed_variant("TokenWeighted", []),
			Value::unnamed_variant("Public", []),
			Value::named_composite([
				("start", Value::u128(start.into())),
				("end", Value::u128((start + 10).into())),
				("reveal_end", Value::unnamed_variant("None", [])),
			]),
			percent(20),
			percent(66),
			Value::unnamed_variant("Some", [Value::u128(VALIDATORS_TRACK.into())]),
			Value::unnamed_variant("Some", [call]),
		],
	)
}

/// Waits until the call of poll `poll_id` has been enacted, and returns the result.
async fn wait_enacted(client: &Client, poll_id: u32) -> anyhow::Result<Json> {
	let deadline = Instant::now() + TIMEOUT;
	loop {
		let result: Json = client.rpc.request("voting_result", rpc_params![poll_id]).await?;
		if !result.is_null() && !result["enactment"].is_null() {
			return Ok(result);
		}
		if !result.is_null() && result["passed"] == false {
			bail!("poll {poll_id} failed: {result}");
		}
		if Instant::now() > deadline {
			bail!("poll {poll_id} was not enacted");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test]
async fn a_referendum_adds_a_fifth_validator_and_another_removes_one() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-validators")?;
	let names = ["alice", "bob", "charlie", "dave", "eve"];
	let mut key_files = Vec::new();
	for (i, name) in names.iter().enumerate() {
		let key_file = dir.path().join(format!("{name}-node-key"));
		std::fs::write(&key_file, format!("{:064x}", i + 1))?;
		key_files.push(key_file);
	}
	let alice_peer = peer_id(&key_files[0])?;
	let alice_ports = Ports::free()?;
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", alice_ports.p2p);

	// Four genesis validators with their well-known keys, and Eve's node: a validator node
	// with an empty keystore.
	let mut nodes = Vec::new();
	for (name, key_file) in names.iter().zip(&key_files) {
		let mut args = vec!["--chain".into(), "local".into()];
		if VALIDATORS.contains(name) {
			args.push(format!("--{name}"));
		} else {
			args.extend(["--validator".into(), "--name".into(), (*name).into()]);
		}
		args.extend(["--node-key-file".into(), key_file.display().to_string()]);
		let ports = if *name == "alice" {
			alice_ports
		} else {
			args.extend(["--bootnodes".into(), bootnode.clone()]);
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
	for client in &clients {
		client.wait_peers(4, TIMEOUT).await?;
	}
	let alice = &clients[0];
	alice.wait_finalized(2, TIMEOUT).await.context("the testnet finalizes")?;
	assert_eq!(authored(&nodes[4]), 0, "Eve authored before being a validator");

	// Eve may not register keys before she is a validator.
	let eve = dev::eve();
	let eve_id = eve.public_key().to_account_id();
	let generated: Json = clients[4]
		.rpc
		.request("author_rotateKeysWithOwner", rpc_params![format!("0x{}", hex::encode(eve_id.0))])
		.await?;
	let keys = hex::decode(generated["keys"].as_str().context("keys")?.trim_start_matches("0x"))?;
	let proof =
		hex::decode(generated["proof"].as_str().context("proof")?.trim_start_matches("0x"))?;
	let set_keys = subxt::dynamic::tx(
		"Session",
		"set_keys",
		vec![
			Value::named_composite([
				("aura", Value::from_bytes(&keys[..32])),
				("grandpa", Value::from_bytes(&keys[32..64])),
			]),
			Value::from_bytes(&proof),
		],
	);
	let early = alice.submit(&set_keys, &eve).await?;
	assert_eq!(early.outcome, Err("Session::NoAssociatedValidatorId".to_string()));

	// Two referenda: add Eve, remove Dave. Alice, Bob and Charlie vote aye (3 of 12 million
	// SHR: above the track's 20% turnout).
	let account = |id: &subxt::utils::AccountId32| Value::from_bytes(id.0);
	let dave_id = dev::dave().public_key().to_account_id();
	let add = runtime_call("ValidatorSet", "add_validator", vec![("who", account(&eve_id))]);
	let remove = runtime_call("ValidatorSet", "remove_validator", vec![("who", account(&dave_id))]);
	let start = alice.best_number().await? + 8;
	let mut polls = Vec::new();
	for (title, call) in [("Eve validates", add), ("Dave leaves", remove)] {
		let created = alice.submit(&referendum(title, start, call), &dev::alice()).await?;
		created.outcome.clone().map_err(anyhow::Error::msg).context("create_poll")?;
		let event = created.event("Voting", "PollCreated").context("PollCreated")?;
		let poll_id = event.at("poll_id").and_then(|v| v.as_u128()).context("poll_id")?;
		polls.push(u32::try_from(poll_id)?);
	}
	alice.wait_best(start, TIMEOUT).await?;
	// Each voter votes aye in both polls in one batch; the three batches go in at once.
	let votes = polls
		.iter()
		.map(|poll_id| {
			runtime_call(
				"Voting",
				"vote",
				vec![("poll_id", Value::u128((*poll_id).into())), ("option", Value::u128(0))],
			)
		})
		.collect::<Vec<_>>();
	let batch = subxt::dynamic::tx("Utility", "batch_all", vec![Value::unnamed_composite(votes)]);
	let voters = [dev::alice(), dev::bob(), dev::charlie()];
	let voted =
		futures::future::join_all(voters.iter().map(|voter| alice.submit(&batch, voter))).await;
	for outcome in voted {
		assert_eq!(outcome?.outcome, Ok(()));
	}
	for poll_id in &polls {
		let result = wait_enacted(alice, *poll_id).await?;
		assert_eq!(result["enactment"], serde_json::json!({ "Ok": null }), "{result}");
	}

	// Now a validator, Eve registers the keys her node generated.
	let registered = alice.submit(&set_keys, &eve).await?;
	assert_eq!(registered.outcome, Ok(()));
	let (enacted_at, _) = alice.finalized().await?;

	// Two session changes later (at most three session lengths from now) Eve's keys are in
	// force and Dave's are gone.
	let in_force = alice.best_number().await? + 3 * SESSION;
	alice.wait_best(in_force, TIMEOUT).await?;
	let (f1, _) = alice.finalized().await?;
	assert!(f1 > enacted_at, "finality stopped during the change");
	let dave_before = authored(&nodes[3]);
	let eve_before = authored(&nodes[4]);
	alice.wait_best(in_force + SESSION, TIMEOUT).await?;
	assert!(authored(&nodes[4]) > eve_before, "Eve authors no blocks");
	assert_eq!(authored(&nodes[3]), dave_before, "Dave still authors blocks");

	// The authorities are Alice, Bob, Charlie and Eve: with Dave's node (still holding its
	// old keys) and Charlie's killed, finality needs the votes of Alice, Bob and Eve. Under
	// the old set (Alice, Bob, Charlie, Dave) two votes would not finalize anything.
	nodes[3].kill()?;
	nodes[2].kill()?;
	let (after_kill, _) = alice.finalized().await?;
	alice
		.wait_finalized(after_kill + 3, TIMEOUT)
		.await
		.context("finality with Alice, Bob and Eve: Eve votes in GRANDPA")?;
	Ok(())
}
