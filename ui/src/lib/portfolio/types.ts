// The portfolio types the charts use, from the generated bindings (trails, stage analytics,
// CLV sensitivity). One import place for the portfolio components.
export type { AccountTrail, PortfolioAccount, PortfolioRegression, PortfolioStages, StageAverage, TrailPoint } from '../bindings';
