import { redisOutage } from './redis-outage';

redisOutage('in-process');
