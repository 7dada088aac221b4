console.log("convlens cli");
