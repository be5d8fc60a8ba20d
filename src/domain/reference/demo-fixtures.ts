/**
 * Facts the demo data set and the simulator's named fixtures share: the demo seed locks this
 * home (an admission in 2023) and the simulator's registry holds it for the zhaoYu family, so
 * the housing-lock path can be shown end to end. Demo only; no deployment relies on it.
 */
export const LOCKED_CERTIFICATE = '桂(2016)南宁市不动产权第0004242号';
