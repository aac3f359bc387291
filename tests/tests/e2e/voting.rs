//! Voting and governance on a real dev node: a secret-ballot poll over a voter roll (three
//! voters commit, two reveal, one never does) closes on its own with the right tally over
//! `voting_*` RPC; a passed token-weighted public poll on the `credit_admin` track enacts its
//! call (adding a credit reporter) with that track's origin after the enactment delay, visible
//! in state and over `credit_reporter`; and a fresh account's attempts to capture a privileged
//! origin through a poll all fail with named errors.

use anyhow::{bail, Context};
use codec::Encode;
use serde_json::Value as Json;
use sharechain_e2e::*;
use std::time::{Duration, Instant};
use subxt::{
	dynamic::{At, Value},
	rpcs::rpc_params,
	utils::AccountId32,
};
use subxt_signer::sr25519::{dev, Keypair};

const TIMEOUT: Duration = Duration::from_secs(120);
/// The runtime's `VotingMinPeriod`: the shortest voting and reveal periods, in blocks (also
/// the dev chain's minimum voting period of every track).
const MIN_PERIOD: u64 = 10;
/// The `root` track.
const ROOT_TRACK: u16 = 0;
/// The `credit_admin` track: 5% turnout, 60% approval, 200 SHR, 2 blocks of enactment delay
/// on the dev chain.
const CREDIT_ADMIN_TRACK: u16 = 1;
/// The `credit_admin` track's enactment delay on the dev chain, in blocks.
const CREDIT_ADMIN_DELAY: u64 = 2;
/// One SHR.
const UNIT: u128 = 1_000_000_000_000;

fn some(value: Value) -> Value {
	Value::unnamed_variant("Some", [value])
}

fn tx(call: &str, fields: Vec<Value>) -> subxt::transactions::DynamicPayload<Vec<Value>> {
	subxt::dynamic::tx("Voting", call, fields)
}

fn variant(name: &str) -> Value {
	Value::unnamed_variant(name, [])
}

/// `Perbill` from per cent.
fn percent(p: u32) -> Value {
	Value::u128(u128::from(p) * 10_000_000)
}

/// The documented commitment: `keccak_256(SCALE((poll_id, option, salt, voter)))`.
fn commitment(poll_id: u32, option: u32, salt: [u8; 32], voter: &AccountId32) -> [u8; 32] {
	sp_crypto_hashing::keccak_256(&(poll_id, option, salt, voter.0).encode())
}

async fn rpc(
	client: &Client,
	method: &str,
	params: subxt::rpcs::client::RpcParams,
) -> anyhow::Result<Json> {
	Ok(client.rpc.request(method, params).await?)
}

/// Creates a poll and returns its id and closing block.
async fn create_poll(
	client: &Client,
	proposer: &Keypair,
	fields: Vec<Value>,
) -> anyhow::Result<(u32, u64)> {
	create_poll_payload(client, proposer, &tx("create_poll", fields)).await
}

/// Waits until poll `poll_id` has a result (it closes itself in its closing block).
async fn wait_result(client: &Client, poll_id: u32) -> anyhow::Result<Json> {
	wait_result_where(client, poll_id, |_| true).await
}

/// Waits until poll `poll_id` has a result for which `done` holds.
async fn wait_result_where(
	client: &Client,
	poll_id: u32,
	done: impl Fn(&Json) -> bool,
) -> anyhow::Result<Json> {
	let deadline = Instant::now() + TIMEOUT;
	loop {
		let result = rpc(client, "voting_result", rpc_params![poll_id]).await?;
		if !result.is_null() && done(&result) {
			return Ok(result);
		}
		if Instant::now() > deadline {
			bail!("poll {poll_id} did not close");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

#[tokio::test]
async fn secret_ballot_tally_and_enactment() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-voting")?;
	let node = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	let alice = dev::alice(); // sudo, proposer
	let voters = [dev::bob(), dev::charlie(), dev::dave()];
	let voter_ids: Vec<AccountId32> =
		voters.iter().map(|v| v.public_key().to_account_id()).collect();
	let eve_id = dev::eve().public_key().to_account_id();

	// Governance (Sudo) puts the three voters on the roll.
	let adds = voter_ids
		.iter()
		.map(|id| runtime_call("Voting", "add_voter", vec![("voter", Value::from_bytes(id.0))]))
		.collect::<Vec<_>>();
	let batch =
		runtime_call("Utility", "batch_all", vec![("calls", Value::unnamed_composite(adds))]);
	let added = client.sudo(batch, &alice).await?;
	assert_eq!(added.events.iter().filter(|(_, e, _)| e == "VoterAdded").count(), 3);

	// A secret poll with three options on the roll, and a token-weighted public poll whose
	// call makes Eve a credit reporter. Both start a few blocks from now.
	let start = client.best_number().await? + 5;
	let secret_end = start + MIN_PERIOD;
	let secret_schedule = Value::named_composite([
		("start", Value::u128(start.into())),
		("end", Value::u128(secret_end.into())),
		(
			"reveal_end",
			Value::unnamed_variant("Some", [Value::u128((secret_end + MIN_PERIOD).into())]),
		),
	]);
	let options = Value::unnamed_composite([
		Value::from_bytes(b"north"),
		Value::from_bytes(b"south"),
		Value::from_bytes(b"east"),
	]);
	let (secret_poll, secret_closes) = create_poll(
		&client,
		&alice,
		vec![
			Value::from_bytes(b"Where does the next depot go?"),
			Value::from_bytes([1u8; 32]),
			options,
			variant("VoterRoll"),
			variant("Secret"),
			secret_schedule,
			percent(50),
			percent(50),
			variant("None"),
			variant("None"),
		],
	)
	.await?;
	assert_eq!(secret_closes, secret_end + MIN_PERIOD);

	let add_reporter = runtime_call(
		"Credit",
		"add_reporter",
		vec![("who", Value::from_bytes(eve_id.0)), ("name", Value::from_bytes(b"VotedIn"))],
	);
	let public_schedule = Value::named_composite([
		("start", Value::u128(start.into())),
		("end", Value::u128((start + MIN_PERIOD).into())),
		("reveal_end", variant("None")),
	]);
	let (public_poll, public_closes) = create_poll(
		&client,
		&alice,
		vec![
			Value::from_bytes(b"Make Eve a credit reporter"),
			Value::from_bytes([2u8; 32]),
			Value::unnamed_composite([Value::from_bytes(b"aye"), Value::from_bytes(b"nay")]),
			variant("TokenWeighted"),
			variant("Public"),
			public_schedule,
			percent(5),
			percent(60),
			some(Value::u128(CREDIT_ADMIN_TRACK.into())),
			some(add_reporter),
		],
	)
	.await?;
	let details = rpc(&client, "voting_poll", rpc_params![public_poll]).await?;
	assert_eq!(details["status"], "Pending", "{details}");
	assert!(!details["call"].is_null(), "{details}");

	// Voting opens.
	client.wait_best(start, TIMEOUT).await?;

	// Bob and Dave vote north (0), Charlie east (2); each voter keeps a secret salt.
	let choices = [0u32, 2, 0];
	let salts = [[0x11u8; 32], [0x22; 32], [0x33; 32]];
	let commits = voters.iter().zip(&voter_ids).zip(choices.iter().zip(&salts)).map(
		|((voter, id), (option, salt))| {
			let call = tx(
				"commit",
				vec![
					Value::u128(secret_poll.into()),
					Value::from_bytes(commitment(secret_poll, *option, *salt, id)),
				],
			);
			let client = &client;
			async move { client.submit(&call, voter).await }
		},
	);
	for committed in futures::future::join_all(commits).await {
		assert_eq!(committed?.outcome, Ok(()));
	}
	// Alice votes aye in the public poll (her free balance is the weight).
	let voted = client
		.submit(&tx("vote", vec![Value::u128(public_poll.into()), Value::u128(0)]), &alice)
		.await?;
	assert_eq!(voted.outcome, Ok(()));

	// While voting, the secret tally shows commitments only; a commitment hides the option.
	let tally = rpc(&client, "voting_tally", rpc_params![secret_poll]).await?;
	assert_eq!(tally["ballots"], 3, "{tally}");
	assert_eq!(tally["revealed"], 0, "{tally}");
	assert_eq!(tally["totals"], serde_json::json!([0, 0, 0]), "{tally}");
	let ballot =
		rpc(&client, "voting_ballot", rpc_params![secret_poll, voter_ids[0].to_string()]).await?;
	assert!(ballot["vote"]["Secret"]["revealed"].is_null(), "{ballot}");

	// A second commitment by the same voter is refused.
	let again = client
		.submit(
			&tx("commit", vec![Value::u128(secret_poll.into()), Value::from_bytes([9u8; 32])]),
			&voters[0],
		)
		.await?;
	assert_eq!(again.outcome, Err("Voting::AlreadyCommitted".to_string()));

	// Reveal period: Bob and Dave reveal; Charlie's one attempt has the wrong salt (so it
	// is rejected) and Charlie never reveals.
	client.wait_best(secret_end, TIMEOUT).await?;
	let reveals = (0..3).map(|index| {
		let salt = if index == 1 { [0x99u8; 32] } else { salts[index] };
		let call = tx(
			"reveal",
			vec![
				Value::u128(secret_poll.into()),
				Value::u128(choices[index].into()),
				Value::from_bytes(salt),
			],
		);
		let (client, voter) = (&client, &voters[index]);
		async move { client.submit(&call, voter).await }
	});
	let outcomes = futures::future::join_all(reveals).await;
	let outcomes =
		outcomes.into_iter().map(|r| r.map(|i| i.outcome)).collect::<Result<Vec<_>, _>>()?;
	assert_eq!(
		outcomes,
		vec![Ok(()), Err("Voting::CommitmentMismatch".to_string()), Ok(())],
		"reveals of Bob, Charlie (wrong salt), Dave"
	);

	// The public poll passed at its end; its call is public and pending for the track's
	// enactment delay, then enacted with the `credit_admin` origin.
	let public = wait_result(&client, public_poll).await?;
	assert_eq!(public["passed"], true, "{public}");
	assert_eq!(public["winningOption"], 0, "{public}");
	assert_eq!(public["enactAt"], public_closes + CREDIT_ADMIN_DELAY, "{public}");
	assert!(public["closedAt"].as_u64().context("closedAt")? >= public_closes);
	let public = wait_result_where(&client, public_poll, |r| !r["enactment"].is_null()).await?;
	assert_eq!(public["enactment"], serde_json::json!({ "Ok": null }), "{public}");
	let reporter = rpc(&client, "credit_reporter", rpc_params![eve_id.to_string()]).await?;
	assert_eq!(reporter["name"], serde_json::json!(b"VotedIn".to_vec()), "{reporter}");

	// The secret poll closes on its own at the end of the reveal period: north 2; Charlie's
	// unrevealed commitment does not count. Turnout 2 of 3 meets the 50% quorum.
	let result = wait_result(&client, secret_poll).await?;
	assert_eq!(result["totals"], serde_json::json!([2, 0, 0]), "{result}");
	assert_eq!(result["turnout"], 2, "{result}");
	assert_eq!(result["eligible"], 3, "{result}");
	assert_eq!(result["winningOption"], 0, "{result}");
	assert_eq!(result["quorumReached"], true, "{result}");
	assert_eq!(result["passed"], true, "{result}");
	assert!(result["enactment"].is_null(), "{result}");
	assert_eq!(result["closedAt"], secret_closes, "{result}");
	let details = rpc(&client, "voting_poll", rpc_params![secret_poll]).await?;
	assert_eq!(details["status"], "Closed", "{details}");

	// The proposer's two poll deposits are released.
	let at = client.at(client.best_hash().await?).await?;
	let data = account_data(&at, &dev::alice().public_key().to_account_id()).await?;
	assert_eq!(data.at("reserved").and_then(|v| v.as_u128()), Some(0));

	// A closed poll takes no more ballots.
	let late = client
		.submit(&tx("vote", vec![Value::u128(public_poll.into()), Value::u128(1)]), &alice)
		.await?;
	assert_eq!(late.outcome, Err("Voting::AlreadyClosed".to_string()));
	Ok(())
}

#[tokio::test]
async fn a_fresh_account_cannot_capture_governance() -> anyhow::Result<()> {
	let dir = temp_dir("sharechain-capture")?;
	let node = Node::start(NodeConfig {
		name: "dev".into(),
		args: vec!["--dev".into()],
		base_path: dir.path().join("dev"),
		ports: Ports::free()?,
	})?;
	let client = Client::connect(&node.ws_url(), TIMEOUT).await?;
	client.wait_best(1, TIMEOUT).await?;

	// A fresh account with enough for the largest decision deposit (1,000 SHR) and fees.
	let attacker = Keypair::from_secret_key([0x5a; 32])?;
	let attacker_id = attacker.public_key().to_account_id();
	let funded =
		client.submit(&transfer_keep_alive(&attacker_id, 2_000 * UNIT), &dev::alice()).await?;
	assert_eq!(funded.outcome, Ok(()));

	// The privileges it is after: a credit reporter (itself), the sudo key, a new runtime.
	let add_self = runtime_call(
		"Credit",
		"add_reporter",
		vec![("who", Value::from_bytes(attacker_id.0)), ("name", Value::from_bytes(b"Me"))],
	);
	let set_key = runtime_call(
		"Sudo",
		"set_key",
		vec![("new", Value::unnamed_variant("Id", [Value::from_bytes(attacker_id.0)]))],
	);
	let set_code = runtime_call("System", "set_code", vec![("code", Value::from_bytes([0u8; 8]))]);

	// Directly: refused.
	let direct = client
		.submit(
			&subxt::dynamic::tx(
				"Credit",
				"add_reporter",
				vec![Value::from_bytes(attacker_id.0), Value::from_bytes(b"Me")],
			),
			&attacker,
		)
		.await?;
	assert_eq!(direct.outcome, Err("BadOrigin".to_string()));

	// Through a poll with the smallest numbers it can choose: each refused with a named error.
	// Each attempt starts a few blocks after the current best block (a start in the past would
	// be refused as `InvalidSchedule` first).
	let schedule = |start: u64, length: u64| {
		Value::named_composite([
			("start", Value::u128(start.into())),
			("end", Value::u128((start + length).into())),
			("reveal_end", variant("None")),
		])
	};
	let poll = |start: u64, quorum: u32, threshold: u32, track: Option<u16>, call: &Value| {
		tx(
			"create_poll",
			vec![
				Value::from_bytes(b"Trust me"),
				Value::from_bytes([3u8; 32]),
				Value::unnamed_composite([Value::from_bytes(b"aye"), Value::from_bytes(b"nay")]),
				variant("TokenWeighted"),
				variant("Public"),
				schedule(start, MIN_PERIOD),
				percent(quorum),
				percent(threshold),
				track.map_or_else(|| variant("None"), |track| some(Value::u128(track.into()))),
				some(call.clone()),
			],
		)
	};
	let attempts = [
		(0, 0, None, &add_self, "Voting::CallWithoutTrack"),
		(0, 0, Some(CREDIT_ADMIN_TRACK), &add_self, "Voting::TurnoutBelowTrack"),
		(5, 0, Some(CREDIT_ADMIN_TRACK), &add_self, "Voting::ApprovalBelowTrack"),
		(5, 60, Some(CREDIT_ADMIN_TRACK), &set_key, "Voting::CallNotOnTrack"),
		(5, 60, Some(CREDIT_ADMIN_TRACK), &set_code, "Voting::CallNotOnTrack"),
		(0, 0, Some(ROOT_TRACK), &set_key, "Voting::TurnoutBelowTrack"),
		(5, 60, Some(7), &add_self, "Voting::UnknownTrack"),
	];
	for (quorum, threshold, track, call, expected) in attempts {
		let now = client.best_number().await?;
		let refused =
			client.submit(&poll(now + 5, quorum, threshold, track, call), &attacker).await?;
		assert_eq!(refused.outcome, Err(expected.to_string()), "{expected}");
	}
	let none = rpc(&client, "voting_poll", rpc_params![0]).await?;
	assert!(none.is_null(), "a refused poll was stored: {none}");

	// At the track's bar it may create the poll, but voting alone it reaches 2,000 SHR of
	// 12,000,000: far below the 5% turnout. The poll fails and nothing is enacted.
	let start = client.best_number().await? + 5;
	let (poll_id, _) = create_poll_payload(
		&client,
		&attacker,
		&poll(start, 5, 60, Some(CREDIT_ADMIN_TRACK), &add_self),
	)
	.await?;
	client.wait_best(start, TIMEOUT).await?;
	let voted = client
		.submit(&tx("vote", vec![Value::u128(poll_id.into()), Value::u128(0)]), &attacker)
		.await?;
	assert_eq!(voted.outcome, Ok(()));
	let result = wait_result(&client, poll_id).await?;
	assert_eq!(result["quorumReached"], false, "{result}");
	assert_eq!(result["passed"], false, "{result}");
	assert!(result["enactment"].is_null() && result["enactAt"].is_null(), "{result}");
	let reporter = rpc(&client, "credit_reporter", rpc_params![attacker_id.to_string()]).await?;
	assert!(reporter.is_null(), "the attacker became a reporter: {reporter}");
	// Its decision deposit is back.
	let at = client.at(client.best_hash().await?).await?;
	let data = account_data(&at, &attacker_id).await?;
	assert_eq!(data.at("reserved").and_then(|v| v.as_u128()), Some(0));
	Ok(())
}

/// Submits a `create_poll` payload and returns the new poll's id and closing block.
async fn create_poll_payload(
	client: &Client,
	proposer: &Keypair,
	payload: &subxt::transactions::DynamicPayload<Vec<Value>>,
) -> anyhow::Result<(u32, u64)> {
	let created = client.submit(payload, proposer).await?;
	created.outcome.clone().map_err(anyhow::Error::msg).context("create_poll")?;
	let event = created.event("Voting", "PollCreated").context("PollCreated")?;
	let poll_id = event.at("poll_id").and_then(|v| v.as_u128()).context("poll_id")?;
	let closes_at = event.at("closes_at").and_then(|v| v.as_u128()).context("closes_at")?;
	Ok((u32::try_from(poll_id)?, u64::try_from(closes_at)?))
}
