//! Strongest introduction paths (analysis 5): from any of our team members, over a
//! coverage tie, then along influence ties taken as undirected, to a stakeholder.
//! A path's strength is the product of its weights; the best paths are the shortest
//! on −ln w, found with petgraph's A* (a zero heuristic: Dijkstra) and Yen's
//! algorithm for the next-best simple paths.
//!
//! Team members only start paths: an introduction that passes through a second team
//! member is never better than starting from that member, so the graph is directed
//! (start → team member → stakeholder ↔ stakeholder) and team members cannot be
//! entered from the account's side. Placeholders (a known position whose holder we
//! do not know) can be a path's target but never a step on the way.

use std::collections::HashSet;

use petgraph::algo::{astar, dijkstra};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};

use crate::analysis::network::{weight, Network, Removal};

/// A node of the introduction graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    Start,
    Member(u32),
    Person(u32),
}

/// Path cost of a tie of weight `w`: −ln w, so the shortest path is the strongest.
fn cost(w: f64) -> f64 {
    -w.ln()
}

/// The introduction graph of an account state; edge weights are w (1 from the start).
#[derive(Debug)]
pub(crate) struct IntroGraph {
    graph: DiGraph<Node, f64>,
    start: NodeIndex,
    /// Node of each stakeholder index (None when removed).
    person: Vec<Option<NodeIndex>>,
}

impl IntroGraph {
    pub fn new(net: &Network, removal: Option<Removal>) -> Self {
        let gone = net.removed_person(removal);
        let gone_member = net.removed_member(removal);
        let mut graph = DiGraph::new();
        let start = graph.add_node(Node::Start);
        let member: Vec<Option<NodeIndex>> = (0..net.team.len() as u32)
            .map(|m| (Some(m) != gone_member).then(|| graph.add_node(Node::Member(m))))
            .collect();
        let person: Vec<Option<NodeIndex>> = (0..net.len() as u32)
            .map(|p| (Some(p) != gone).then(|| graph.add_node(Node::Person(p))))
            .collect();
        for m in member.iter().flatten() {
            graph.add_edge(start, *m, 1.0);
        }
        // Best weight per (member, person) and per unordered person pair.
        let mut best: std::collections::BTreeMap<(u8, u32, u32), u8> = Default::default();
        for &(m, p, s) in &net.coverage {
            let e = best.entry((0, m, p)).or_insert(0);
            *e = (*e).max(s);
        }
        for &(a, b, s) in &net.influence {
            let e = best.entry((1, a.min(b), a.max(b))).or_insert(0);
            *e = (*e).max(s);
        }
        for ((tie, a, b), s) in best {
            let w = weight(s);
            if tie == 0 {
                if let (Some(m), Some(p)) = (member[a as usize], person[b as usize]) {
                    graph.add_edge(m, p, w);
                }
            } else if let (Some(x), Some(y)) = (person[a as usize], person[b as usize]) {
                // Nobody can introduce us through a placeholder: ties lead into one
                // (it may be the target) but never out of it.
                if !net.people[a as usize].fields.placeholder {
                    graph.add_edge(x, y, w);
                }
                if !net.people[b as usize].fields.placeholder {
                    graph.add_edge(y, x, w);
                }
            }
        }
        IntroGraph {
            graph,
            start,
            person,
        }
    }

    /// The strength of the best path to every stakeholder (0 when unreachable or removed).
    pub fn best_strengths(&self) -> Vec<f64> {
        let costs = dijkstra(&self.graph, self.start, None, |e| cost(*e.weight()));
        self.person
            .iter()
            .map(|node| node.and_then(|n| costs.get(&n)).map_or(0.0, |c| (-c).exp()))
            .collect()
    }

    /// Up to `k` best simple paths to stakeholder index `target`, best first, as node
    /// lists without the start node, with the product of their weights.
    pub fn best_paths(&self, target: u32, k: usize) -> Vec<(Vec<Node>, f64)> {
        let Some(Some(goal)) = self.person.get(target as usize).copied() else {
            return Vec::new();
        };
        let shortest = |blocked_edges: &HashSet<EdgeIndex>,
                        blocked_nodes: &HashSet<NodeIndex>,
                        from: NodeIndex|
         -> Option<(f64, Vec<NodeIndex>)> {
            let view = EdgeFiltered::from_fn(&self.graph, |e| {
                !blocked_edges.contains(&e.id())
                    && !blocked_nodes.contains(&e.source())
                    && !blocked_nodes.contains(&e.target())
            });
            astar(&view, from, |n| n == goal, |e| cost(*e.weight()), |_| 0.0)
        };
        let mut accepted: Vec<Vec<NodeIndex>> = Vec::new();
        let Some((_, first)) = shortest(&HashSet::new(), &HashSet::new(), self.start) else {
            return Vec::new();
        };
        accepted.push(first);
        let mut candidates: Vec<(f64, Vec<NodeIndex>)> = Vec::new();
        while accepted.len() < k {
            let Some(last) = accepted.last().cloned() else {
                break;
            };
            for i in 0..last.len().saturating_sub(1) {
                let spur = last[i];
                let root = &last[..=i];
                let mut blocked_edges = HashSet::new();
                for path in &accepted {
                    if path.len() > i + 1 && &path[..=i] == root {
                        if let Some(e) = self.graph.find_edge(path[i], path[i + 1]) {
                            blocked_edges.insert(e);
                        }
                    }
                }
                let blocked_nodes: HashSet<NodeIndex> = root[..i].iter().copied().collect();
                if let Some((_, spur_path)) = shortest(&blocked_edges, &blocked_nodes, spur) {
                    let mut full = root[..i].to_vec();
                    full.extend(spur_path);
                    if !accepted.contains(&full) && !candidates.iter().any(|(_, p)| *p == full) {
                        let strength = self.strength(&full);
                        candidates.push((strength, full));
                    }
                }
            }
            // Best candidate: strongest, then fewest people, then by node order.
            let Some(pos) = (0..candidates.len()).min_by(|&a, &b| {
                let (sa, pa) = &candidates[a];
                let (sb, pb) = &candidates[b];
                sb.total_cmp(sa)
                    .then(pa.len().cmp(&pb.len()))
                    .then_with(|| pa.cmp(pb))
            }) else {
                break;
            };
            let (_, next) = candidates.swap_remove(pos);
            accepted.push(next);
        }
        accepted
            .into_iter()
            .map(|path| {
                let strength = self.strength(&path);
                let nodes = path
                    .into_iter()
                    .filter(|&n| n != self.start)
                    .map(|n| self.graph[n])
                    .collect();
                (nodes, strength)
            })
            .collect()
    }

    /// Product of the weights along a node path.
    fn strength(&self, path: &[NodeIndex]) -> f64 {
        path.windows(2)
            .map(|pair| {
                self.graph
                    .find_edge(pair[0], pair[1])
                    .map_or(0.0, |e| self.graph[e])
            })
            .product()
    }
}
