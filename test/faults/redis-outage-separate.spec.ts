import { redisOutage } from './redis-outage';

redisOutage('separate');
