//! A real `sharechain-node` process on free loopback ports, killed when dropped.

use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// How long a node may take from spawn to answering JSON-RPC.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(180);

/// Path of the `sharechain-node` binary under test.
///
/// `SHARECHAIN_NODE_BIN` wins; otherwise the binary next to this test executable's
/// `deps/` directory, i.e. the one `cargo build -p sharechain-node` put in the same target
/// directory and profile.
pub fn node_binary() -> Result<PathBuf> {
	if let Ok(path) = std::env::var("SHARECHAIN_NODE_BIN") {
		return Ok(PathBuf::from(path));
	}
	let exe = std::env::current_exe()?;
	let profile_dir = exe
		.parent()
		.and_then(Path::parent)
		.ok_or_else(|| anyhow!("test executable has no profile directory"))?;
	let bin = profile_dir.join("sharechain-node");
	if !bin.exists() {
		bail!(
			"{} does not exist: build it first with `cargo build -p sharechain-node` \
			 (scripts/test does) or set SHARECHAIN_NODE_BIN",
			bin.display()
		);
	}
	Ok(bin)
}

/// A free TCP port on 127.0.0.1 (the OS picks it; a tiny race with other processes remains).
pub fn free_port() -> Result<u16> {
	let listener = TcpListener::bind("127.0.0.1:0")?;
	Ok(listener.local_addr()?.port())
}

/// Ports of one node.
#[derive(Clone, Copy, Debug)]
pub struct Ports {
	/// JSON-RPC (HTTP and WebSocket).
	pub rpc: u16,
	/// libp2p.
	pub p2p: u16,
	/// Prometheus metrics.
	pub prometheus: u16,
}

impl Ports {
	/// Three free ports.
	pub fn free() -> Result<Self> {
		Ok(Self { rpc: free_port()?, p2p: free_port()?, prometheus: free_port()? })
	}
}

/// How to start a node.
#[derive(Clone, Debug)]
pub struct NodeConfig {
	/// A label for logs.
	pub name: String,
	/// Arguments besides ports and base path (e.g. `--dev`, or `--chain local --alice`).
	pub args: Vec<String>,
	/// Where the node keeps its database and keystore.
	pub base_path: PathBuf,
	/// Its ports.
	pub ports: Ports,
}

/// A running node. Dropping it kills the process (SIGKILL) and waits for it.
pub struct Node {
	config: NodeConfig,
	child: Option<Child>,
	log_path: PathBuf,
}

impl Node {
	/// Spawns the node and waits until its JSON-RPC port accepts connections.
	pub fn start(config: NodeConfig) -> Result<Self> {
		std::fs::create_dir_all(&config.base_path)?;
		let log_path = config.base_path.join(format!("{}.log", config.name));
		let mut node = Self { config, child: None, log_path };
		node.spawn()?;
		Ok(node)
	}

	fn spawn(&mut self) -> Result<()> {
		let log = File::options().create(true).append(true).open(&self.log_path)?;
		let ports = self.config.ports;
		let child = Command::new(node_binary()?)
			.args(&self.config.args)
			.arg("--base-path")
			.arg(&self.config.base_path)
			.args(["--rpc-port", &ports.rpc.to_string()])
			.args(["--port", &ports.p2p.to_string()])
			.args(["--prometheus-port", &ports.prometheus.to_string()])
			.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"])
			.stdin(Stdio::null())
			.stdout(log.try_clone()?)
			.stderr(log)
			.spawn()
			.context("spawning sharechain-node")?;
		self.child = Some(child);
		self.wait_for_rpc()
	}

	fn wait_for_rpc(&mut self) -> Result<()> {
		let started = Instant::now();
		loop {
			if let Some(child) = self.child.as_mut() {
				if let Some(status) = child.try_wait()? {
					bail!(
						"{} exited during startup ({status}); log tail:\n{}",
						self.config.name,
						self.log_tail(40)
					);
				}
			}
			if std::net::TcpStream::connect(("127.0.0.1", self.config.ports.rpc)).is_ok() {
				return Ok(());
			}
			if started.elapsed() > STARTUP_TIMEOUT {
				bail!(
					"{} did not open RPC port {} within {:?}; log tail:\n{}",
					self.config.name,
					self.config.ports.rpc,
					STARTUP_TIMEOUT,
					self.log_tail(40)
				);
			}
			std::thread::sleep(Duration::from_millis(200));
		}
	}

	/// The WebSocket URL of the node's JSON-RPC server.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.config.ports.rpc)
	}

	/// The node's configuration (ports, base path, arguments).
	pub fn config(&self) -> &NodeConfig {
		&self.config
	}

	/// The process id, while running.
	pub fn pid(&self) -> Option<u32> {
		self.child.as_ref().map(Child::id)
	}

	/// Stops the node gracefully (SIGINT, as Ctrl-C does) and waits for it to exit.
	pub fn stop(&mut self) -> Result<()> {
		self.signal_and_wait(libc::SIGINT, Duration::from_secs(60))
	}

	/// Kills the node at once (SIGKILL), as a crash or power loss would.
	pub fn kill(&mut self) -> Result<()> {
		self.signal_and_wait(libc::SIGKILL, Duration::from_secs(30))
	}

	fn signal_and_wait(&mut self, signal: i32, timeout: Duration) -> Result<()> {
		let Some(mut child) = self.child.take() else { return Ok(()) };
		let pid = i32::try_from(child.id())?;
		// SAFETY: `kill` only sends a signal to our own child process.
		unsafe { libc::kill(pid, signal) };
		let started = Instant::now();
		while child.try_wait()?.is_none() {
			if started.elapsed() > timeout {
				child.kill()?;
				child.wait()?;
				bail!("{} did not exit within {timeout:?} after signal {signal}", self.config.name);
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		Ok(())
	}

	/// Starts the node again with the same configuration (same base path and ports).
	pub fn restart(&mut self) -> Result<()> {
		if self.child.is_some() {
			bail!("{} is still running", self.config.name);
		}
		self.spawn()
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
		let all: Vec<&str> = text.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!(
				"---- {} log tail ({}) ----\n{}",
				self.config.name,
				self.log_path.display(),
				self.log_tail(60)
			);
		}
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}
