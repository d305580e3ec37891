-- AlterTable
ALTER TABLE "ResultDocument" ADD COLUMN     "signature" BYTEA,
ADD COLUMN     "signatureCert" JSONB;

-- CreateTable
CREATE TABLE "TrustedCertificate" (
    "id" UUID NOT NULL,
    "der" BYTEA NOT NULL,
    "thumbprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "TrustedCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevocationList" (
    "id" UUID NOT NULL,
    "der" BYTEA NOT NULL,
    "thumbprint" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "thisUpdate" TIMESTAMP(3) NOT NULL,
    "nextUpdate" TIMESTAMP(3),
    "revokedCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "RevocationList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SigningCertificate" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "der" BYTEA NOT NULL,
    "thumbprint" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "sealedKey" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "SigningCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrustedCertificate_thumbprint_key" ON "TrustedCertificate"("thumbprint");

-- CreateIndex
CREATE UNIQUE INDEX "RevocationList_thumbprint_key" ON "RevocationList"("thumbprint");

-- CreateIndex
CREATE UNIQUE INDEX "SigningCertificate_thumbprint_key" ON "SigningCertificate"("thumbprint");

-- CreateIndex
CREATE INDEX "SigningCertificate_userId_idx" ON "SigningCertificate"("userId");

-- AddForeignKey
ALTER TABLE "SigningCertificate" ADD CONSTRAINT "SigningCertificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

