-- One database per service. Runs once, when the postgres container initialises an empty volume.
-- Each service's Flyway migrations create its schema at startup.
CREATE DATABASE tasks;
CREATE DATABASE equipment;
CREATE DATABASE subsidy;
CREATE DATABASE recycling;
