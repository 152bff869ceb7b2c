-- Profile values in English, as every other identifier (README « Naming »). Data only: the column
-- stays a string. Values already in English are left as they are.
UPDATE "User" SET "profile" = CASE "profile" WHEN 'ETUDIANT' THEN 'STUDENT' WHEN 'ELU' THEN 'ELECTED_OFFICIAL' WHEN 'AGENT' THEN 'CIVIL_SERVANT' WHEN 'FORMATEUR' THEN 'TRAINER' WHEN 'AUTRE' THEN 'OTHER' ELSE "profile" END;
UPDATE "PendingSignup" SET "profile" = CASE "profile" WHEN 'ETUDIANT' THEN 'STUDENT' WHEN 'ELU' THEN 'ELECTED_OFFICIAL' WHEN 'AGENT' THEN 'CIVIL_SERVANT' WHEN 'FORMATEUR' THEN 'TRAINER' WHEN 'AUTRE' THEN 'OTHER' ELSE "profile" END;
