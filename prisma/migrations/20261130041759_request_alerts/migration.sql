-- CreateTable
CREATE TABLE "RequestAlert" (
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestAlert_pkey" PRIMARY KEY ("requestId","kind")
);

-- AddForeignKey
ALTER TABLE "RequestAlert" ADD CONSTRAINT "RequestAlert_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InteragencyRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

