//! An HTTP proxy between Fumi and a test server that injects the failures of real networks and
//! real hosts on chosen requests: a refused request, an answer lost after the server acted, an
//! error status, a reply that is not JSON, a slow reply. One request per connection (`Connection: close`).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// What happens to a matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The connection is closed before the request reaches the server.
    DropRequest,
    /// The server acts on the request; its answer never reaches the client.
    DropAnswer,
    /// The server never sees the request; the client gets this status (with `Retry-After`).
    Status(u16, Option<u64>),
    /// The server never sees the request; the client gets this status with a web server's own
    /// HTML page (not the REST API's answer).
    Page(u16),
    /// The server acts on the request; the client gets `200` with a body that is not JSON.
    Garbage,
    /// The server's answer reaches the client this many milliseconds late.
    Slow(u64),
}

struct Rule {
    /// `None` matches any request.
    method: Option<String>,
    path: Option<String>,
    /// Matching requests let through before the fault applies.
    skip: usize,
    fault: Fault,
    times: usize,
}

impl Rule {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.times > 0
            && self.method.as_deref().is_none_or(|m| m == method)
            && self.path.as_deref().is_none_or(|p| p == path)
    }
}

/// A running proxy; it lives as long as the test process (its threads are detached).
pub struct FaultProxy {
    rules: Arc<Mutex<Vec<Rule>>>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl FaultProxy {
    /// Forwards connections accepted on `listener` to `127.0.0.1:upstream`.
    pub fn start(listener: TcpListener, upstream: u16) -> FaultProxy {
        let rules: Arc<Mutex<Vec<Rule>>> = Arc::default();
        let seen: Arc<Mutex<Vec<String>>> = Arc::default();
        let (r, s) = (rules.clone(), seen.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (r, s) = (r.clone(), s.clone());
                std::thread::spawn(move || {
                    let _ = serve(client, upstream, &r, &s);
                });
            }
        });
        FaultProxy { rules, seen }
    }

    /// Applies `fault` to the next `times` requests `METHOD path` (the path without its query).
    pub fn inject(&self, method: &str, path: &str, fault: Fault, times: usize) {
        self.rules.lock().expect("rules").push(Rule {
            method: Some(method.to_owned()),
            path: Some(path.to_owned()),
            skip: 0,
            fault,
            times,
        });
    }

    /// Applies `fault` once, to the request after the next `skip` ones, whatever it is.
    pub fn inject_nth(&self, skip: usize, fault: Fault) {
        self.rules.lock().expect("rules").push(Rule {
            method: None,
            path: None,
            skip,
            fault,
            times: 1,
        });
    }

    /// Removes every rule: requests pass again.
    pub fn clear(&self) {
        self.rules.lock().expect("rules").clear();
    }

    /// Every request line seen so far (`POST /wp-json/wp/v2/posts`), queries left out.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("seen").clone()
    }
}

fn serve(
    client: TcpStream,
    upstream: u16,
    rules: &Mutex<Vec<Rule>>,
    seen: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut head = Vec::new();
    let mut content_length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        if line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            content_length = v.trim().parse().unwrap_or(0);
        }
        // The proxy handles one request per connection.
        if !lower.starts_with("connection:") {
            head.push(line);
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body)?;

    let request_line = head.first().cloned().unwrap_or_default();
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let target = parts.next().unwrap_or_default();
    let path = target.split('?').next().unwrap_or_default().to_owned();
    seen.lock().expect("seen").push(format!("{method} {path}"));
    let fault = {
        let mut rules = rules.lock().expect("rules");
        // Every matching rule counts this request; the first one due applies (another one due
        // waits for the next request).
        let mut fault = None;
        for rule in rules.iter_mut().filter(|r| r.matches(&method, &path)) {
            if rule.skip > 0 {
                rule.skip -= 1;
            } else if fault.is_none() {
                rule.times -= 1;
                fault = Some(rule.fault);
            }
        }
        fault
    };

    let mut client = client;
    match fault {
        Some(Fault::DropRequest) => return client.shutdown(Shutdown::Both),
        Some(Fault::Status(status, retry_after)) => {
            let retry = retry_after
                .map(|s| format!("Retry-After: {s}\r\n"))
                .unwrap_or_default();
            let body = format!("{{\"code\":\"injected\",\"message\":\"injected {status}\"}}");
            return write!(
                client,
                "HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n{retry}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
        Some(Fault::Page(status)) => {
            let body = "<html><body><h1>Not Found</h1></body></html>";
            return write!(
                client,
                "HTTP/1.1 {status} Page\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
        _ => {}
    }

    let mut server = TcpStream::connect(("127.0.0.1", upstream))?;
    for line in &head {
        server.write_all(line.as_bytes())?;
    }
    server.write_all(b"Connection: close\r\n\r\n")?;
    server.write_all(&body)?;
    let mut answer = Vec::new();
    server.read_to_end(&mut answer)?;

    match fault {
        Some(Fault::DropAnswer) => client.shutdown(Shutdown::Both),
        Some(Fault::Slow(ms)) => {
            std::thread::sleep(std::time::Duration::from_millis(ms));
            client.write_all(&answer)
        }
        Some(Fault::Garbage) => {
            let body = "<html>Error establishing a database connection</html>";
            write!(
                client,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }
        _ => client.write_all(&answer),
    }
}
