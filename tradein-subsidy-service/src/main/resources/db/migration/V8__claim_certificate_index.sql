-- Every scrap-certificate event looks up the claims that wait for or use that certificate
-- (ClaimService.onCertificateChanged: scrap_certificate_number = ? and status in (...)). The only
-- index on the column was partial (waiting_for_certificate), so the lookup scanned every claim:
-- the benchmark measured 180 ms per event at 27,000 claims, and the certificate read model fell
-- tens of seconds behind at 20 events/s (docs/performance.md).
create index claim_scrap_certificate on claim (scrap_certificate_number) where scrap_certificate_number is not null;
