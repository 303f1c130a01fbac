// The closed vocabularies in display order (mirrors rapport-core's vocab.rs), for selects and badges.
import type {
  Attitude, BuyingRole, InfluenceKind, InteractionKind, Sentiment, Stage, TeamRole, Tier,
} from './bindings';

export const TIERS: readonly Tier[] = ['strategic', 'key', 'development', 'standard'];
export const ATTITUDES: readonly Attitude[] = ['champion', 'supporter', 'neutral', 'sceptic', 'opponent', 'unknown'];
export const ROLES: readonly BuyingRole[] = ['initiator', 'user', 'influencer', 'decider', 'approver', 'buyer', 'gatekeeper'];
export const STAGES: readonly Stage[] = ['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating'];
export const INFLUENCE_KINDS: readonly InfluenceKind[] = ['reports_to', 'advisor', 'ally', 'rival', 'informal'];
export const TEAM_ROLES: readonly TeamRole[] = ['account_lead', 'solution_engineer', 'executive_sponsor', 'service', 'specialist', 'other'];
export const INTERACTION_KINDS: readonly InteractionKind[] = ['meeting', 'call', 'workshop', 'visit', 'email'];
export const SENTIMENTS: readonly Sentiment[] = ['positive', 'neutral', 'negative'];
export const SCALE: readonly number[] = [1, 2, 3, 4, 5];
